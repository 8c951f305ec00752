"""What happened to Accord's event data (past tense)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class EventFileIngested(Event):
    file: str
    format: str
    sha256: str
    rows_read: int
    rows_added: int
    bad_rows: int
    by: str
    at: dt.datetime
