"""Units pledged by members, with their dated history, and the requirements of each case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.forces import events as ev
from accord.kernel.errors import NotFound
from accord.kernel.messages import Event

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


@dataclass
class Visit:
    visited_on: dt.date
    level: str
    findings: str
    by: str


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
    capabilities: tuple[str, ...] = ()
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    caveats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    readiness_level: str = READINESS_LEVELS[0]
    withdrawn_at: dt.datetime | None = None
    visits: list[Visit] = field(default_factory=list)
    history: list[tuple[dt.datetime, str]] = field(default_factory=list)

    @property
    def pledged(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class Requirement:
    id: str
    capability: str
    strength: int
    needed_by: dt.date
    where: str


@dataclass
class CaseRequirements:
    case_id: str
    requirements: list[Requirement]
    parties_to_dispute: tuple[str, ...]
    stated_by: str
    stated_at: dt.datetime


def find_unit(units: dict[str, Unit], unit_id: str) -> Unit:
    unit = units.get(unit_id)
    if unit is None:
        raise NotFound(f"unit {unit_id!r} does not exist")
    return unit


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
                event.capabilities,
                event.available_from,
                event.available_until,
                dict(event.caveats),
                history=[(event.at, f"pledged to {event.formation} ({event.strength})")],
            )
        case ev.PledgeChanged():
            _change(units[event.unit_id], event)
        case ev.PledgeWithdrawn():
            unit = units[event.unit_id]
            unit.withdrawn_at = event.at
            unit.history.append((event.at, f"pledge withdrawn: {event.reason}"))
        case ev.UnitVisited():
            unit = units[event.unit_id]
            unit.visits.append(Visit(event.visited_on, event.level, event.findings, event.by))
            unit.readiness_level = event.level
            unit.history.append(
                (event.at, f"verification visit of {event.visited_on}: {event.level}")
            )
        case _:
            return False
    return True


def _change(unit: Unit, event: ev.PledgeChanged) -> None:
    changed = []
    if event.strength is not None:
        unit.strength = event.strength
        changed.append(f"strength {event.strength}")
    if event.readiness_days is not None:
        unit.readiness_days = event.readiness_days
        changed.append(f"{event.readiness_days} days to deploy")
    if event.available_until is not None:
        unit.available_until = event.available_until
        changed.append(f"available until {event.available_until}")
    if event.caveats is not None:
        unit.caveats = dict(event.caveats)
        changed.append("caveats " + (", ".join(sorted(event.caveats)) or "lifted"))
    unit.history.append((event.at, f"{'; '.join(changed)}: {event.reason}"))


def apply_requirements(requirements: dict[str, CaseRequirements], event: Event) -> bool:
    if not isinstance(event, ev.RequirementsStated):
        return False
    requirements[event.case_id] = CaseRequirements(
        event.case_id,
        [
            Requirement(
                str(row["id"]),
                str(row["capability"]),
                int(row["strength"]),
                dt.date.fromisoformat(str(row["needed_by"])),
                str(row["where"]),
            )
            for row in event.requirements
        ],
        event.parties_to_dispute,
        event.by,
        event.at,
    )
    return True
