"""How events change the case book and the prepared requests: each gives new containers and
leaves the old ones, and the cases in them, as they were (the read model's snapshots)."""

from __future__ import annotations

from dataclasses import replace

from accord.cases import events as ev
from accord.cases.model import Case, Deployment, PreparedRequest, Stage, TimelineEntry
from accord.kernel.messages import Event
from accord.service.contexts import Part


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
            parties_to_dispute=event.parties_to_dispute,
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
            # Sorted: the journal keeps an event's mappings in key order, and a world replayed
            # from it must read as the one that was live.
            return case.noting(
                event.at,
                f"{event.formation} deployed: {', '.join(sorted(event.contingents))} ({strength})",
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


PREPARED_REQUESTS: Part[dict[str, PreparedRequest]] = Part(
    "prepared_requests", dict, apply_prepared
)
CASES: Part[dict[str, Case]] = Part("cases", dict, apply)
