"""The statuses a body decides: an observer or partner status recorded once granted, and the
status an adopted admission, suspension, expulsion or status decision gives its state that day
(a member's own acts are in ``handlers``)."""

from __future__ import annotations

from accord.bodies import events as body_events
from accord.bodies.model import BODIES
from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code
from accord.kernel.messages import Event
from accord.membership import commands as cmd
from accord.membership import events as ev
from accord.rules import parameters as p
from accord.rules.competence import bodies_deciding
from accord.rules.membership import rule_on_third_party_status
from accord.rules.ruling import Ruling
from accord.service.actors import CHAIR, SECRETARY_GENERAL, require_one_of
from accord.service.call import Call

#: The status an adopted decision of each kind gives the state it concerns.
STATUS_BY_DECISION = {
    "admission": "member",
    "suspension": "suspended",
    "expulsion": "expelled",
    "observer_status": "observer",
    "partner_status": "partner",
}


def grant_status(command: cmd.GrantStatus, context: Call) -> Ruling:
    """Record an observer or partner status granted by the competent body.

    ``by: CSC`` is the body's own decision (by consensus of every member); the chair or the
    Secretary General may record it only once a draft granting it has been adopted.
    """
    if command.status not in ("observer", "partner"):
        raise InvalidInput("status", "must be observer or partner")
    subject = state_code(command.state)
    because = context.because("grant_status")
    if not require_one_of(context, because, {CHAIR, SECRETARY_GENERAL, "CSC"}, "granting a status"):
        return because.ruling()
    ruling = rule_on_third_party_status(context.rulebook, subject, command.status)
    if not ruling.allowed:
        return ruling
    kind = f"{command.status}_status"
    deciders = {body_id for body_id, _ in bodies_deciding(context.rulebook, kind)}
    decided = context.actor.id in deciders or any(
        d.adopted and d.kind == kind and d.subject == subject
        for d in context.world[BODIES].drafts.values()
    )
    if not decided:
        because.refuse(
            f"{command.status} status is granted by a decision with every member's "
            f"consent; no such decision on {subject} has been adopted",
            context.rulebook.source_of(p.ALL_MEMBERS_CONSENT),
        )
        return because.ruling()
    for reason in ruling.reasons:
        because.note(reason.text, reason.source)
    if context.rulebook.status_name(subject) != command.status:
        context.emit(
            ev.StatusChanged(
                subject, command.status, context.day, ruling.articles[0], "granted", context.at
            )
        )
    return because.ruling()


def on_draft_closed(event: Event, context: Call) -> None:
    """An adopted admission, suspension, expulsion or status decision takes effect that day."""
    assert isinstance(event, body_events.DraftClosed)
    status = STATUS_BY_DECISION.get(event.kind)
    if status is None or not event.outcome.startswith("adopted") or event.subject is None:
        return
    if context.rulebook.status_name(event.subject) == status:
        return  # the recorded history already holds it: no second effect
    power = context.world.charter().bodies[event.body].decides_on(event.kind, event.at.date())
    context.emit(
        ev.StatusChanged(
            event.subject,
            status,
            event.at.date(),
            power.source.cites if power else None,
            f"{event.kind} adopted by the {event.body} ({event.draft_id})",
            event.at,
        )
    )
