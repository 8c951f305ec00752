"""Use cases that set a body's agenda: convene a session, table a draft decision on it."""

from __future__ import annotations

from dataclasses import replace

from accord.bodies import commands as cmd
from accord.bodies import events as ev
from accord.bodies.matters import MATTERS, parties_in
from accord.bodies.model import BODIES, Session
from accord.bodies.reading import with_release
from accord.kernel.errors import InvalidInput, found
from accord.kernel.ids import state_code
from accord.rules.chairmanship import chair_in
from accord.rules.competence import Proposal, rule_on_competence
from accord.rules.ruling import Because, Ruling
from accord.rules.sessions import FORMATS, Sitting, rule_on_session
from accord.rules.standing import require_member
from accord.rules.vocabulary import DECISION_KINDS
from accord.service.actors import CHAIR, SECRETARY_GENERAL, acts_as_chair
from accord.service.call import Call

#: Other spellings of a session's format that people write.
FORMAT_SPELLINGS = {
    "in-person": "in_person",
    "in person": "in_person",
    "videoconference": "video",
    "online": "video",
}
#: Other spellings of decision kinds; plain "assistance" is Art. 4's "military included".
KIND_SPELLINGS = {
    "assistance": "assistance_military",
    "military_assistance": "assistance_military",
    "political_assistance": "assistance_political",
    "humanitarian_assistance": "assistance_humanitarian",
    "military_technical_assistance": "assistance_military_technical",
    "fact_finding": "fact_finding_mission",
    "peacekeeping": "peacekeeping_operation",
    "observer": "observer_status",
    "partner": "partner_status",
}


def get_session(context: Call, session_id: str) -> Session:
    return found(context.world[BODIES].sessions, "session", session_id)


def convene_session(command: cmd.ConveneSession, context: Call) -> Ruling:
    """The chair convenes a regular or extraordinary session, in person or by video, if the
    law of the day allows that format, that convener and that many requesters."""
    session_format = FORMAT_SPELLINGS.get(command.format, command.format)
    if session_format not in FORMATS:
        raise InvalidInput("format", f"must be one of {', '.join(FORMATS)}")
    case = context.world.port(MATTERS).find(context.world, command.about) if command.about else None
    if case is not None and not case.is_open:
        because = context.because("convene_session")
        because.refuse(f"{case.id} is {case.stage}: no session is convened about it")
        return because.ruling()
    requested_by = tuple(state_code(s) for s in command.requested_by) or (
        (case.requested_by,) if case else ()
    )
    actor = context.actor
    by = CHAIR if acts_as_chair(context) else actor.state or actor.id
    sitting = Sitting(command.body, by, command.extraordinary, session_format, requested_by)
    ruling = rule_on_session(context.rulebook, sitting)
    if ruling.allowed:
        context.emit(
            ev.SessionConvened(
                f"session-{len(context.world[BODIES].sessions) + 1}",
                command.body,
                command.extraordinary,
                session_format,
                case.id if case else None,
                requested_by,
                chair_in(ruling),
                context.at,
                command.venue,
            )
        )
    return replace(ruling, question="convene_session")


def table_draft(command: cmd.TableDraft, context: Call) -> Ruling:
    """Put a draft decision on a session's agenda, if that body decides that kind of thing."""
    kind = KIND_SPELLINGS.get(command.kind, command.kind)
    if kind not in DECISION_KINDS:
        raise InvalidInput("kind", f"must be one of {', '.join(sorted(DECISION_KINDS))}")
    session = get_session(context, command.session)
    case = context.world.port(MATTERS).find(context.world, command.case) if command.case else None
    subject = state_code(command.subject) if command.subject else None
    disputing = parties_in(command.parties_to_dispute, case)
    because = context.because("table_draft")
    if not _may_table(context, session, because):
        return because.ruling()
    if case is not None and not case.is_open:
        because.refuse(f"{case.id} is {case.stage}: nothing more is decided on it")
        return because.ruling()
    proposal = Proposal(
        body=session.body,
        kind=kind,
        where=case.where if case else subject,
        subject=subject or (case.where if case else None),
        requested_by=(case.requested_by,) if case else (),
        un_mandate=command.un_mandate,
    )
    ruling = rule_on_competence(context.rulebook, proposal)
    if ruling.allowed and case is not None:
        # The chair is told to whom tabling releases the draft beyond the case's readers.
        body = context.world.charter().bodies[session.body]
        ruling = with_release(ruling, context.world, body, kind, proposal.subject, case)
    if ruling.allowed:
        context.emit(
            ev.DraftTabled(
                f"draft-{len(context.world[BODIES].drafts) + 1}",
                session.id,
                session.body,
                kind,
                case.id if case else None,
                proposal.subject,
                command.text,
                context.actor.id,
                context.at,
                disputing,
                command.un_mandate,
            )
        )
    return ruling


def _may_table(context: Call, session: Session, because: Because) -> bool:
    actor = context.actor
    if actor.role in (CHAIR, SECRETARY_GENERAL) or actor.id == session.body:
        return True
    if actor.role == "state" and actor.state is not None:
        return require_member(context.rulebook, actor.state, because, "table a draft")
    because.refuse(
        f"a draft is tabled by the chair, the Secretary General or a member, not by {actor.id}"
    )
    return False


AGENDA_HANDLERS = {cmd.ConveneSession: convene_session, cmd.TableDraft: table_draft}
