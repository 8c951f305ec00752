"""The Case aggregate: a member's request and what the Organization did about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from accord.cases import events as ev
from accord.kernel.errors import NotFound
from accord.kernel.messages import Event


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


def apply_prepared(
    prepared: dict[str, PreparedRequest], event: Event
) -> dict[str, PreparedRequest] | None:
    """The prepared requests after one event (a new dict; the old one is left as it was), or
    None when the event is not about them."""
    match event:
        case ev.RequestPrepared():
            new = PreparedRequest(
                event.prepared_id,
                event.for_state,
                event.article,
                event.where,
                event.threat,
                event.aggressor,
                event.summary,
                event.threatened,
                event.grounds,
                event.by,
                event.at,
            )
        case ev.PreparedRequestFiled():
            new = replace(prepared[event.prepared_id], filed_as=event.case_id)
        case _:
            return None
    return {**prepared, new.id: new}


def deployed_units(cases: dict[str, Case]) -> dict[str, tuple[str, dt.datetime | None]]:
    """Every pledged unit still away on a case: its case and when it was deployed."""
    return {
        unit: (case.id, deployment.deployed_at)
        for case in cases.values()
        for deployment in case.deployments
        for unit in deployment.units_in_place()
    }


def find_case(cases: dict[str, Case], case_id: str) -> Case:
    case = cases.get(case_id)
    if case is None:
        raise NotFound(f"case {case_id!r} does not exist")
    return case


def _filed(event: ev.RequestFiled) -> str:
    what = f"{event.by} filed a request under {event.article}"
    return f"{what}: {event.summary}" if event.summary else what


def apply(cases: dict[str, Case], event: Event) -> dict[str, Case] | None:
    """The case book after one event (a new dict; the old one and its cases are left as they
    were, for readers of an older snapshot), or None when the event is not about cases."""
    if isinstance(event, ev.RequestFiled):
        case = Case(
            event.case_id,
            event.by,
            event.article,
            event.role,
            event.where,
            event.threat,
            event.aggressor,
            event.summary,
            event.at,
            timeline=(TimelineEntry(event.at, _filed(event)),),
            classification=event.classification,
            releasable_to=event.releasable_to,
        )
        return {**cases, case.id: case}
    changed = _changed(cases, event)
    return None if changed is None else {**cases, changed.id: changed}


def _changed(cases: dict[str, Case], event: Event) -> Case | None:
    match event:
        case ev.CaseStageChanged():
            return cases[event.case_id].noting(
                event.at, f"stage {event.stage}: {event.reason}", stage=Stage(event.stage)
            )
        case ev.DecisionRecorded():
            case = cases[event.case_id]
            adopted = case.adopted
            if event.outcome.startswith("adopted"):
                adopted = {**adopted, event.draft_id: event.kind}
            return case.noting(event.at, f"{event.kind} {event.outcome}", adopted=adopted)
        case ev.UnSecurityCouncilNotified():
            return cases[event.case_id].noting(
                event.at, f"UN Security Council informed by {event.by}", un_notified_at=event.at
            )
        case ev.ForcesDeployed():
            case = cases[event.case_id]
            deployment = Deployment(
                event.deployment_id,
                event.formation,
                dict(event.contingents),
                event.at,
                units=dict(event.units),
            )
            strength = sum(event.contingents.values())
            return case.noting(
                event.at,
                f"{event.formation} deployed: {', '.join(event.contingents)} ({strength})",
                deployments=(*case.deployments, deployment),
            )
        case ev.ForcesWithdrawn():
            case = cases[event.case_id]
            deployments = tuple(
                replace(
                    d,
                    withdrawn=d.withdrawn | frozenset(event.contingents or d.contingents),
                    withdrawn_at=event.at,
                )
                if d.id == event.deployment_id
                else d
                for d in case.deployments
            )
            return case.noting(
                event.at,
                f"forces withdrawn: {', '.join(event.contingents) or 'all'}",
                deployments=deployments,
            )
        case ev.CaseClosed():
            return cases[event.case_id].noting(
                event.at,
                f"closed: {event.summary}",
                stage=Stage.CLOSED,
                closing_summary=event.summary,
            )
    return None
