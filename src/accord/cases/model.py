"""The Case aggregate: a member's request and what the Organization did about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from accord.kernel.errors import found


class Stage(StrEnum):
    REQUESTED = "requested"
    CONSULTATIONS = "consultations"
    DECIDED = "decided"
    IN_EXECUTION = "in_execution"
    CLOSED = "closed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


FINAL_STAGES = frozenset({Stage.CLOSED, Stage.REFUSED, Stage.WITHDRAWN})

#: Measures that, once adopted, authorise sending forces.
FORCE_MEASURES = frozenset({"peacekeeping_operation", "assistance_military", "deployment"})


@dataclass(frozen=True)
class Deployment:
    id: str
    formation: str
    contingents: dict[str, int]
    deployed_at: dt.datetime | None
    withdrawn: frozenset[str] = frozenset()
    withdrawn_at: dt.datetime | None = None
    #: Pledged units sent, each with its state; a unit is home once its state's contingent is.
    units: dict[str, str] = field(default_factory=dict)

    @property
    def complete_withdrawal(self) -> bool:
        return set(self.contingents) <= self.withdrawn

    def units_in_place(self) -> list[str]:
        return [unit for unit, state in self.units.items() if state not in self.withdrawn]


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime | None
    what: str


@dataclass(frozen=True)
class Case:
    id: str
    requested_by: str
    article: str
    role: str
    where: str
    threat: str
    aggressor: str
    summary: str
    filed_at: dt.datetime
    stage: Stage = Stage.REQUESTED
    adopted: dict[str, str] = field(default_factory=dict)
    un_notified_at: dt.datetime | None = None
    deployments: tuple[Deployment, ...] = ()
    closing_summary: str = ""
    timeline: tuple[TimelineEntry, ...] = ()
    classification: str = "restricted"
    releasable_to: tuple[str, ...] = ()
    #: The attacked party and the party named as aggressor, when both are parties (CST Art. 1).
    parties_to_dispute: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.stage not in FINAL_STAGES

    @property
    def authorises_forces(self) -> bool:
        return any(kind in FORCE_MEASURES for kind in self.adopted.values())

    def forces_in_place(self) -> list[Deployment]:
        return [d for d in self.deployments if not d.complete_withdrawal]

    def noting(self, at: dt.datetime | None, what: str, **changes: Any) -> Case:
        """This case with ``changes`` made and the timeline told of them."""
        return replace(self, timeline=(*self.timeline, TimelineEntry(at, what)), **changes)


@dataclass(frozen=True)
class PreparedRequest:
    """A draft request waiting for its member to file it (or to leave it)."""

    id: str
    for_state: str
    article: str
    where: str
    threat: str
    aggressor: str
    summary: str
    threatened: tuple[str, ...]
    grounds: str
    prepared_by: str
    prepared_at: dt.datetime
    filed_as: str | None = None


def deployed_units(cases: dict[str, Case]) -> dict[str, tuple[str, dt.datetime | None]]:
    """Every pledged unit still away on a case: its case and when it was deployed."""
    return {
        unit: (case.id, deployment.deployed_at)
        for case in cases.values()
        for deployment in case.deployments
        for unit in deployment.units_in_place()
    }


def find_case(cases: dict[str, Case], case_id: str) -> Case:
    return found(cases, "case", case_id)
