"""Units pledged by members, with their dated history, and the requirements of each case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from accord.forces import events as ev
from accord.kernel.errors import found
from accord.kernel.messages import Event
from accord.service.contexts import Part

#: Readiness in the style of the UN Peacekeeping Capability Readiness System: a pledge is
#: registered (level 1); a verification visit confirms it (level 2); a unit ready to deploy
#: within its stated days is level 3; rapid deployment is the highest.
READINESS_LEVELS = ("level_1", "level_2", "level_3", "rapid_deployment")
CAVEAT_KINDS = ("not_in", "only_in", "not_on_party_territory")
#: What a unit can do; peacekeeping forces add police, civilian and observer elements (R-PK-COMP).
CAPABILITIES = (
    "airborne",
    "motorised_infantry",
    "special_forces",
    "reconnaissance",
    "engineers",
    "medical",
    "logistics",
    "signals",
    "cbrn",
    "aviation",
    "military_police",
    "civil_police",
    "civilian_experts",
    "military_observers",
)


@dataclass(frozen=True)
class Visit:
    visited_on: dt.date
    level: str
    findings: str
    by: str


@dataclass(frozen=True)
class Unit:
    id: str
    state: str
    name: str
    kind: str
    formation: str
    strength: int
    readiness_days: int
    pledged_at: dt.datetime
    capabilities: tuple[str, ...] = ()
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    caveats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    readiness_level: str = READINESS_LEVELS[0]
    withdrawn_at: dt.datetime | None = None
    visits: tuple[Visit, ...] = ()
    history: tuple[tuple[dt.datetime, str], ...] = ()

    @property
    def pledged(self) -> bool:
        return self.withdrawn_at is None

    def noting(self, at: dt.datetime, what: str, **changes: Any) -> Unit:
        """This unit with ``changes`` made and its history told of them."""
        return replace(self, history=(*self.history, (at, what)), **changes)


@dataclass(frozen=True)
class Requirement:
    id: str
    capability: str
    strength: int
    needed_by: dt.date
    where: str


@dataclass(frozen=True)
class CaseRequirements:
    case_id: str
    requirements: tuple[Requirement, ...]
    parties_to_dispute: tuple[str, ...]
    stated_by: str
    stated_at: dt.datetime


def find_unit(units: dict[str, Unit], unit_id: str) -> Unit:
    return found(units, "unit", unit_id)


def apply(units: dict[str, Unit], event: Event) -> dict[str, Unit] | None:
    """The units after one event (a new dict; the old one and its units are left as they were,
    for readers of an older snapshot), or None when the event is not about pledges."""
    match event:
        case ev.UnitPledged():
            unit = Unit(
                event.unit_id,
                event.state,
                event.name,
                event.kind,
                event.formation,
                event.strength,
                event.readiness_days,
                event.at,
                event.capabilities,
                event.available_from,
                event.available_until,
                dict(event.caveats),
                history=((event.at, f"pledged to {event.formation} ({event.strength})"),),
            )
        case ev.PledgeChanged():
            unit = _change(units[event.unit_id], event)
        case ev.PledgeWithdrawn():
            unit = units[event.unit_id].noting(
                event.at, f"pledge withdrawn: {event.reason}", withdrawn_at=event.at
            )
        case ev.UnitVisited():
            unit = units[event.unit_id]
            unit = unit.noting(
                event.at,
                f"verification visit of {event.visited_on}: {event.level}",
                visits=(
                    *unit.visits,
                    Visit(event.visited_on, event.level, event.findings, event.by),
                ),
                readiness_level=event.level,
            )
        case _:
            return None
    return {**units, unit.id: unit}


def _change(unit: Unit, event: ev.PledgeChanged) -> Unit:
    changes: dict[str, Any] = {}
    told = []
    if event.strength is not None:
        changes["strength"] = event.strength
        told.append(f"strength {event.strength}")
    if event.readiness_days is not None:
        changes["readiness_days"] = event.readiness_days
        told.append(f"{event.readiness_days} days to deploy")
    if event.available_until is not None:
        changes["available_until"] = event.available_until
        told.append(f"available until {event.available_until}")
    if event.caveats is not None:
        changes["caveats"] = dict(event.caveats)
        told.append("caveats " + (", ".join(sorted(event.caveats)) or "lifted"))
    return unit.noting(event.at, f"{'; '.join(told)}: {event.reason}", **changes)


def apply_requirements(
    requirements: dict[str, CaseRequirements], event: Event
) -> dict[str, CaseRequirements] | None:
    if not isinstance(event, ev.RequirementsStated):
        return None
    stated = CaseRequirements(
        event.case_id,
        tuple(
            Requirement(
                str(row["id"]),
                str(row["capability"]),
                int(row["strength"]),
                dt.date.fromisoformat(str(row["needed_by"])),
                str(row["where"]),
            )
            for row in event.requirements
        ),
        event.parties_to_dispute,
        event.by,
        event.at,
    )
    return {**requirements, stated.case_id: stated}


UNITS: Part[dict[str, Unit]] = Part("units", dict, apply)
REQUIREMENTS: Part[dict[str, CaseRequirements]] = Part("requirements", dict, apply_requirements)
