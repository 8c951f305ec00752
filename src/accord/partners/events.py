"""What happened to an instrument."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class InstrumentSigned(Event):
    instrument: str
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class InstrumentRatified(Event):
    instrument: str
    state: str
    at: dt.datetime
