"""The Case aggregate: a member's request and what the Organization did about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

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


@dataclass
class Deployment:
    id: str
    formation: str
    contingents: dict[str, int]
    deployed_at: dt.datetime | None
    withdrawn: set[str] = field(default_factory=set)
    withdrawn_at: dt.datetime | None = None
    #: Pledged units sent, each with its state; a unit is home once its state's contingent is.
    units: dict[str, str] = field(default_factory=dict)

    @property
    def complete_withdrawal(self) -> bool:
        return set(self.contingents) <= self.withdrawn

    def units_in_place(self) -> list[str]:
        return [unit for unit, state in self.units.items() if state not in self.withdrawn]


@dataclass
class TimelineEntry:
    at: dt.datetime | None
    what: str


@dataclass
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
    deployments: list[Deployment] = field(default_factory=list)
    closing_summary: str = ""
    timeline: list[TimelineEntry] = field(default_factory=list)
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


@dataclass
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


def apply_prepared(prepared: dict[str, PreparedRequest], event: Event) -> bool:
    """Change the prepared requests by one event; False when the event is not about them."""
    match event:
        case ev.RequestPrepared():
            prepared[event.prepared_id] = PreparedRequest(
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
            prepared[event.prepared_id].filed_as = event.case_id
        case _:
            return False
    return True


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


def apply(cases: dict[str, Case], event: Event) -> bool:
    """Change the case book by one event; False when the event is not about cases."""
    match event:
        case ev.RequestFiled():
            cases[event.case_id] = Case(
                event.case_id,
                event.by,
                event.article,
                event.role,
                event.where,
                event.threat,
                event.aggressor,
                event.summary,
                event.at,
                timeline=[TimelineEntry(event.at, _filed(event))],
                classification=event.classification,
                releasable_to=event.releasable_to,
            )
        case ev.CaseStageChanged():
            case = cases[event.case_id]
            case.stage = Stage(event.stage)
            case.timeline.append(TimelineEntry(event.at, f"stage {event.stage}: {event.reason}"))
        case ev.DecisionRecorded():
            case = cases[event.case_id]
            if event.outcome.startswith("adopted"):
                case.adopted[event.draft_id] = event.kind
            case.timeline.append(TimelineEntry(event.at, f"{event.kind} {event.outcome}"))
        case ev.UnSecurityCouncilNotified():
            case = cases[event.case_id]
            case.un_notified_at = event.at
            case.timeline.append(
                TimelineEntry(event.at, f"UN Security Council informed by {event.by}")
            )
        case ev.ForcesDeployed():
            case = cases[event.case_id]
            case.deployments.append(
                Deployment(
                    event.deployment_id,
                    event.formation,
                    dict(event.contingents),
                    event.at,
                    units=dict(event.units),
                )
            )
            strength = sum(event.contingents.values())
            case.timeline.append(
                TimelineEntry(
                    event.at,
                    f"{event.formation} deployed: {', '.join(event.contingents)} ({strength})",
                )
            )
        case ev.ForcesWithdrawn():
            case = cases[event.case_id]
            deployment = next(d for d in case.deployments if d.id == event.deployment_id)
            deployment.withdrawn |= set(event.contingents or deployment.contingents)
            deployment.withdrawn_at = event.at
            case.timeline.append(
                TimelineEntry(
                    event.at, f"forces withdrawn: {', '.join(event.contingents) or 'all'}"
                )
            )
        case ev.CaseClosed():
            case = cases[event.case_id]
            case.stage = Stage.CLOSED
            case.closing_summary = event.summary
            case.timeline.append(TimelineEntry(event.at, f"closed: {event.summary}"))
        case _:
            return False
    return True
