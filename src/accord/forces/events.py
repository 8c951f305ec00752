"""What happened to the forces: pledges, their changes, visits, a case's requirements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.kernel.messages import Event


@dataclass(frozen=True)
class UnitPledged(Event):
    creates = ("unit", "unit_id")

    unit_id: str
    state: str
    name: str
    kind: str
    formation: str
    strength: int
    readiness_days: int
    at: dt.datetime
    capabilities: tuple[str, ...] = ()
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    caveats: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class PledgeChanged(Event):
    unit_id: str
    reason: str
    at: dt.datetime
    strength: int | None = None
    readiness_days: int | None = None
    available_until: dt.date | None = None
    caveats: dict[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class PledgeWithdrawn(Event):
    unit_id: str
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class UnitVisited(Event):
    unit_id: str
    visited_on: dt.date
    level: str
    findings: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class RequirementsStated(Event):
    case_id: str
    #: Each: id, capability, strength, needed_by (ISO date), where.
    requirements: tuple[dict[str, Any], ...]
    parties_to_dispute: tuple[str, ...]
    by: str
    at: dt.datetime
