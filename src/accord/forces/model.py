"""Units pledged by members to the collective forces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.forces import events as ev
from accord.kernel.messages import Event


@dataclass
class Unit:
    id: str
    state: str
    name: str
    kind: str
    formation: str
    strength: int
    readiness_days: int
    pledged_at: dt.datetime


def apply(units: dict[str, Unit], event: Event) -> bool:
    match event:
        case ev.UnitPledged():
            units[event.unit_id] = Unit(
                event.unit_id,
                event.state,
                event.name,
                event.kind,
                event.formation,
                event.strength,
                event.readiness_days,
                event.at,
            )
        case _:
            return False
    return True
