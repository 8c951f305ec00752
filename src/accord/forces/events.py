"""What happened to the forces registry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class UnitPledged(Event):
    unit_id: str
    state: str
    name: str
    kind: str
    formation: str
    strength: int
    readiness_days: int
    at: dt.datetime
