"""Use cases of a case: file a request, inform the UN, deploy, withdraw, close."""

from __future__ import annotations

from accord.bodies import events as body_events
from accord.cases import commands as cmd
from accord.cases import events as ev
from accord.cases.changes import CASES
from accord.cases.deployment import FORCE_MANAGERS, deploy, withdraw_forces
from accord.cases.model import Case, Stage, find_case
from accord.cases.preparation import prepare_request, take_up
from accord.cases.wording import check_request_words
from accord.kernel.ids import state_code
from accord.kernel.messages import Event
from accord.rules import parameters as p
from accord.rules.admissibility import (
    COLLECTIVE_DEFENCE,
    Admissibility,
    Request,
    rule_on_request,
)
from accord.rules.disputes import aggressor_code
from accord.rules.ruling import Ruling
from accord.rules.standing import require_member
from accord.service.actors import acting_state, require_one_of
from accord.service.call import Call

#: Adopted decisions that are not measures to report: words, or talks about what to do.
NOT_MEASURES = frozenset({"statement", "consultations"})


def get_case(context: Call, case_id: str) -> Case:
    return find_case(context.world[CASES], case_id)


def file_request(command: cmd.FileRequest, context: Call) -> Ruling:
    """A member asks for consultations (Art. 2) or assistance against aggression (Art. 4)."""
    check_request_words(command)
    because = context.because("file_request")
    state = acting_state(context, because, "filing a request")
    if state is not None:
        take_up(command, state, because, context)
    if state is None or because.refused:
        return because.ruling()
    where = state_code(command.where) if command.where else state
    aggressor = aggressor_code(command.aggressor)
    request = Request(state, command.article, where, command.threat, aggressor, command.threatened)
    ruling = rule_on_request(context.rulebook, request)
    admissible = Admissibility.of(ruling)
    if ruling.allowed and admissible is not None:
        case_id = f"case-{len(context.world[CASES]) + 1}"
        context.emit(
            ev.RequestFiled(
                case_id,
                state,
                command.article,
                admissible.role,
                where,
                command.threat,
                aggressor,
                command.summary,
                context.at,
                command.classification,
                tuple(state_code(s) for s in command.releasable_to),
                admissible.parties_to_dispute,
            )
        )
        if command.prepared is not None:
            context.emit(ev.PreparedRequestFiled(command.prepared, case_id, context.at))
    return ruling


def notify_un_security_council(command: cmd.NotifyUnSecurityCouncil, context: Call) -> Ruling:
    """Inform the UN Security Council of measures against aggression or a peacekeeping operation."""
    case = get_case(context, command.case)
    because = context.because("notify_un_security_council")
    if context.actor.role == "state" and context.actor.state:
        require_member(context.rulebook, context.actor.state, because, "report to the UN")
    report = context.rulebook.source_of(p.REPORT_TO_UN_SECURITY_COUNCIL)
    measures = sorted({kind for kind in case.adopted.values() if kind not in NOT_MEASURES})
    if "peacekeeping_operation" in measures:
        power = (
            context.world.charter().bodies["CSC"].decides_on("peacekeeping_operation", context.day)
        )
        because.note(
            "a peacekeeping operation is notified to the UN Security Council at once",
            power.source if power else None,
        )
    reported = context.rulebook.parameter(p.REPORT_TO_UN_SECURITY_COUNCIL)
    if case.role == COLLECTIVE_DEFENCE and measures and reported:
        because.note(
            f"measures taken under {case.article} ({', '.join(measures)}) are reported "
            "to the UN Security Council at once",
            report,
        )
    elif "peacekeeping_operation" not in measures:
        because.refuse(
            f"no measure under {case.article} has been decided on {case.id}: there is "
            "nothing to report to the UN Security Council yet",
            report,
        )
    if not because.refused:
        context.emit(ev.UnSecurityCouncilNotified(case.id, context.actor.id, context.at))
    return because.ruling()


def close_case(command: cmd.CloseCase, context: Call) -> Ruling:
    """Close the case with a summary, once no forces remain deployed."""
    case = get_case(context, command.case)
    because = context.because("close_case")
    allowed = FORCE_MANAGERS | {case.requested_by}
    if not require_one_of(context, because, allowed, "closing a case"):
        return because.ruling()
    if not case.is_open:
        because.refuse(f"{case.id} is already {case.stage}")
    elif case.forces_in_place():
        because.refuse(f"forces are still deployed on {case.id}: withdraw them first")
    else:
        context.emit(ev.CaseClosed(case.id, command.summary, context.at))
    return because.ruling()


def withdraw_request(command: cmd.WithdrawRequest, context: Call) -> Ruling:
    """The requesting member takes its request back before anything is decided."""
    case = get_case(context, command.case)
    because = context.because("withdraw_request")
    state = acting_state(context, because, "withdrawing a request")
    if state is not None and state != case.requested_by:
        because.refuse(f"only {case.requested_by}, which filed {case.id}, may withdraw it")
    elif state is not None and case.stage not in (Stage.REQUESTED, Stage.CONSULTATIONS):
        because.refuse(f"{case.id} is already {case.stage}")
    elif state is not None:
        context.emit(
            ev.CaseStageChanged(case.id, Stage.WITHDRAWN, "withdrawn by the requester", context.at)
        )
    return because.ruling()


def on_session_convened(event: Event, context: Call) -> None:
    """A session convened about a requested case opens its consultations."""
    assert isinstance(event, body_events.SessionConvened)
    case = context.world[CASES].get(event.case_id or "")
    if case is not None and case.stage == Stage.REQUESTED:
        context.emit(
            ev.CaseStageChanged(
                case.id, Stage.CONSULTATIONS, f"{event.body} session convened", event.at
            )
        )


def on_draft_closed(event: Event, context: Call) -> None:
    """A decision on a case is recorded on it; an adopted measure moves it to ``decided``."""
    assert isinstance(event, body_events.DraftClosed)
    case = context.world[CASES].get(event.case_id or "")
    if case is None:
        return
    context.emit(ev.DecisionRecorded(case.id, event.draft_id, event.kind, event.outcome, event.at))
    adopted = event.outcome.startswith("adopted")
    if (
        adopted
        and event.kind != "consultations"
        and case.stage in (Stage.REQUESTED, Stage.CONSULTATIONS)
    ):
        context.emit(ev.CaseStageChanged(case.id, Stage.DECIDED, f"{event.kind} adopted", event.at))
    elif case.stage == Stage.REQUESTED:
        context.emit(
            ev.CaseStageChanged(
                case.id, Stage.CONSULTATIONS, f"{event.kind} {event.outcome}", event.at
            )
        )


COMMAND_HANDLERS = {
    cmd.FileRequest: file_request,
    cmd.PrepareRequest: prepare_request,
    cmd.NotifyUnSecurityCouncil: notify_un_security_council,
    cmd.Deploy: deploy,
    cmd.WithdrawForces: withdraw_forces,
    cmd.CloseCase: close_case,
    cmd.WithdrawRequest: withdraw_request,
}
POLICIES = {
    body_events.SessionConvened: [on_session_convened],
    body_events.DraftClosed: [on_draft_closed],
}
