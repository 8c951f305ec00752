"""Use cases of a member's own acts: apply, give notice of withdrawal, freeze its participation,
request a suspension; with the statuses a body decides (``decided_status``), every command."""

from __future__ import annotations

from accord.bodies import events as body_events
from accord.kernel.ids import state_code
from accord.membership import commands as cmd
from accord.membership import events as ev
from accord.membership.decided_status import grant_status, on_draft_closed
from accord.membership.model import MEMBERSHIP
from accord.rules import parameters as p
from accord.rules.membership import Withdrawal, rule_on_admission, rule_on_withdrawal
from accord.rules.ruling import Ruling
from accord.rules.standing import require_member
from accord.service.actors import acting_state
from accord.service.call import Call


def apply_for_membership(command: cmd.ApplyForMembership, context: Call) -> Ruling:
    """A state applies; admission is then a decision of the competent body."""
    because = context.because("apply_for_membership")
    state = acting_state(context, because, "applying for membership")
    if state is None:
        return because.ruling()
    ruling = rule_on_admission(context.rulebook, state)
    if ruling.allowed:
        context.emit(ev.MembershipApplied(state, context.at))
        # A suspended member re-entering stays suspended until the body admits it.
        if context.rulebook.status_name(state) not in ("applicant", "suspended"):
            context.emit(
                ev.StatusChanged(
                    state,
                    "applicant",
                    context.day,
                    ruling.articles[0] if ruling.articles else None,
                    "application filed",
                    context.at,
                )
            )
    return ruling


def notify_withdrawal(command: cmd.NotifyWithdrawal, context: Call) -> Ruling:
    """A member gives notice; it withdraws when the notice period has run."""
    because = context.because("notify_withdrawal")
    state = acting_state(context, because, "notifying withdrawal")
    if state is None:
        return because.ruling()
    pending = [
        n
        for n in context.world[MEMBERSHIP].withdrawal_notices
        if n.state == state and n.effective > context.day
    ]
    ruling = rule_on_withdrawal(context.rulebook, state)
    withdrawal = Withdrawal.of(ruling)
    if ruling.allowed and withdrawal is not None and not pending:
        effective = withdrawal.effective
        context.emit(ev.WithdrawalNotified(state, effective, context.at))
        context.emit(
            ev.StatusChanged(
                state,
                "withdrawn",
                effective,
                ruling.articles[0],
                "notice of withdrawal ran out",
                context.at,
            )
        )
    return ruling


def declare_participation_frozen(command: cmd.DeclareParticipationFrozen, context: Call) -> Ruling:
    """A member declares it freezes its participation: political, not a Charter status."""
    because = context.because("declare_participation_frozen")
    state = acting_state(context, because, "freezing participation")
    if state is None or not require_member(context.rulebook, state, because, "freeze"):
        return because.ruling()
    suspension = context.rulebook.parameter(p.SUSPENSION_BODY)
    because.note(
        "frozen participation is not a Charter status: the member keeps its vote, "
        f"its veto and its obligations; only the {suspension or 'competent body'} could "
        "suspend it",
        context.rulebook.source_of(p.SUSPENSION_BODY) or context.rulebook.founding.source,
    )
    if context.rulebook.frozen(state) is None:
        context.emit(ev.ParticipationFrozen(state, context.at))
    return because.ruling()


def request_suspension(command: cmd.RequestSuspension, context: Call) -> Ruling:
    """A member asks that a member (itself included) be suspended: a request, not a decision."""
    because = context.because("request_suspension")
    state = acting_state(context, because, "requesting a suspension")
    subject = state_code(command.state) if command.state else state
    if (
        state is None
        or subject is None
        or not require_member(context.rulebook, state, because, "ask")
    ):
        return because.ruling()
    if context.rulebook.status_name(subject) not in ("member", "suspended"):
        because.refuse(f"{subject} is not a member on {context.day}")
        return because.ruling()
    body = context.rulebook.parameter(p.SUSPENSION_BODY)
    if body is None:
        context.rulebook.absent_parameter(
            p.SUSPENSION_BODY, "there is no suspension procedure", because
        )
        return because.ruling()
    because.note(
        f"a request only: the {body} alone decides a suspension",
        context.rulebook.source_of(p.SUSPENSION_BODY),
    )
    context.emit(ev.SuspensionRequested(subject, state, context.at))
    return because.ruling(decided_by=body)


COMMAND_HANDLERS = {
    cmd.ApplyForMembership: apply_for_membership,
    cmd.NotifyWithdrawal: notify_withdrawal,
    cmd.DeclareParticipationFrozen: declare_participation_frozen,
    cmd.RequestSuspension: request_suspension,
    cmd.GrantStatus: grant_status,
}
POLICIES = {body_events.DraftClosed: [on_draft_closed]}
