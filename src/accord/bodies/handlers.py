"""Use cases of a body's decision: a member states its position on a draft, the chair closes
the draft; with the agenda's (``agenda_handlers``), every command of a body."""

from __future__ import annotations

from accord.bodies import commands as cmd
from accord.bodies import events as ev
from accord.bodies.agenda_handlers import AGENDA_HANDLERS
from accord.bodies.model import BODIES, Draft
from accord.bodies.reading import rule_on_reading
from accord.kernel.errors import InvalidInput, found
from accord.rules.joining import rule_on_joining
from accord.rules.ruling import Because, Ruling
from accord.rules.vocabulary import POSITIONS
from accord.rules.vote import Vote
from accord.rules.voting import rule_on_outcome, rule_on_position
from accord.service.actors import acting_state, require_chair
from accord.service.call import Call


def get_draft(context: Call, draft_id: str) -> Draft:
    return found(context.world[BODIES].drafts, "draft", draft_id)


def state_position(command: cmd.StatePosition, context: Call) -> Ruling:
    """A member state states its own position: support, object, stand aside (or absent)."""
    if command.position not in POSITIONS:
        raise InvalidInput("position", f"must be one of {', '.join(POSITIONS)}")
    draft = get_draft(context, command.draft)
    because = context.because("state_position")
    state = acting_state(context, because, "stating a position")
    if state is None:
        return because.ruling()
    body = context.world.charter().bodies[draft.body]
    rule = body.decision_rule.on(context.day) if body.decision_rule else None
    if not draft.is_open:
        because.refuse(
            f"{draft.id} was closed on {draft.closed_at:%Y-%m-%d} ({draft.outcome}): "
            "no position can be stated on it any more",
            rule.source if rule else None,
        )
        return because.ruling()
    if state in draft.positions:
        because.refuse(
            f"{state} has already stated its position on {draft.id} "
            f"({draft.positions[state]}): one position per member state",
            rule.source if rule else None,
        )
        return because.ruling()
    ruling = rule_on_position(
        context.rulebook,
        body,
        state,
        command.position,
        draft.kind,
        draft.subject,
        disputing=draft.parties_to_dispute,
    )
    if ruling.allowed:
        context.emit(ev.PositionStated(draft.id, state, command.position, context.at))
    return ruling


def close_draft(command: cmd.CloseDraft, context: Call) -> Ruling:
    """The chair closes a draft; the rule in force turns the positions into an outcome."""
    draft = get_draft(context, command.draft)
    because = context.because("close_draft")
    if not require_chair(context, because, "closes a draft", draft.body):
        return because.ruling()
    if not draft.is_open:
        because.refuse(f"{draft.id} is already closed ({draft.outcome})")
        return because.ruling()
    # Defence in depth: never an outcome while a participant could not read the draft.
    reading = rule_on_reading(context.world, draft, context.at)
    if not reading.allowed:
        return reading
    body = context.world.charter().bodies[draft.body]
    counted = rule_on_outcome(
        context.rulebook, body, draft.positions, draft.kind, draft.subject, draft.parties_to_dispute
    )
    vote = Vote.of(counted)
    if vote is None:
        return counted
    context.emit(
        ev.DraftClosed(
            draft.id,
            draft.body,
            draft.kind,
            draft.case_id,
            draft.subject,
            vote.outcome.value,
            vote.blocked_by,
            vote.standing_aside,
            vote.absent,
            context.at,
        )
    )
    closing = Because("close_draft", context.day)
    for reason in counted.reasons:
        closing.note(reason.text, reason.source)
    return closing.ruling(vote)


def join_decision(command: cmd.JoinDecision, context: Call) -> Ruling:
    """A member that stood aside from an adopted decision, or was absent, joins it later."""
    draft = get_draft(context, command.draft)
    because = context.because("join_decision")
    state = acting_state(context, because, "joining a decision")
    if state is None:
        return because.ruling()
    ruling = rule_on_joining(context.rulebook, draft.id, draft.outcome, state, draft.left_out)
    if ruling.allowed:
        context.emit(ev.DecisionJoined(draft.id, state, context.at))
    return ruling


COMMAND_HANDLERS = {
    **AGENDA_HANDLERS,
    cmd.StatePosition: state_position,
    cmd.CloseDraft: close_draft,
    cmd.JoinDecision: join_decision,
}
