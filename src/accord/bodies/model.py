"""Sessions of a body and the draft decisions on their agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from accord.bodies import events as ev
from accord.kernel.messages import Event
from accord.service.contexts import Part


@dataclass(frozen=True)
class Session:
    id: str
    body: str
    extraordinary: bool
    format: str
    case_id: str | None
    #: The member states that asked for the session.
    requested_by: tuple[str, ...]
    chair: str | None
    at: dt.datetime
    venue: str | None = None
    agenda: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    id: str
    session_id: str
    body: str
    kind: str
    case_id: str | None
    subject: str | None
    text: str
    tabled_by: str
    tabled_at: dt.datetime
    positions: dict[str, str] = field(default_factory=dict)
    #: The members in dispute the draft is about (CST Art. 1): its case's, or as tabled.
    parties_to_dispute: tuple[str, ...] = ()
    outcome: str | None = None
    blocked_by: tuple[str, ...] = ()
    standing_aside: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    closed_at: dt.datetime | None = None
    #: The states that stood aside or were absent and joined the decision later, in order.
    joined: tuple[str, ...] = ()
    #: The UN Security Council resolution mandating it, by its reference, if any.
    un_mandate: str | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def adopted(self) -> bool:
        return self.outcome is not None and self.outcome.startswith("adopted")

    @property
    def left_out(self) -> tuple[str, ...]:
        """The states that stood aside or were absent and have not joined the decision."""
        return tuple(s for s in (*self.standing_aside, *self.absent) if s not in self.joined)


@dataclass(frozen=True)
class Sittings:
    """Every session and draft, by id."""

    sessions: dict[str, Session] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)

    def standing_aside(self, adopted: Iterable[str]) -> dict[str, str]:
        """Each state that stood aside on one of the ``adopted`` drafts, with the first such
        draft: in the restricted format it does not block them and is not bound to carry them
        out (CHARTER-12), so it sends no forces for them."""
        aside: dict[str, str] = {}
        for draft_id in adopted:
            draft = self.drafts[draft_id]
            for state in draft.standing_aside:
                if state not in draft.joined:
                    aside.setdefault(state, draft_id)
        return aside


def _requesters(value: tuple[str, ...] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def apply(sittings: Sittings, event: Event) -> Sittings | None:
    """The sittings after one event (new dicts; the old ones are left as they were, for readers
    of an older snapshot), or None when the event is not about sessions or drafts."""
    sessions, drafts = sittings.sessions, sittings.drafts
    match event:
        case ev.SessionConvened():
            session = Session(
                event.session_id,
                event.body,
                event.extraordinary,
                event.format,
                event.case_id,
                _requesters(event.requested_by),
                event.chair,
                event.at,
                event.venue,
            )
            return replace(sittings, sessions={**sessions, session.id: session})
        case ev.DraftTabled():
            draft = Draft(
                event.draft_id,
                event.session_id,
                event.body,
                event.kind,
                event.case_id,
                event.subject,
                event.text,
                event.by,
                event.at,
                parties_to_dispute=event.parties_to_dispute,
                un_mandate=event.un_mandate,
            )
            session = sessions[event.session_id]
            session = replace(session, agenda=(*session.agenda, draft.id))
            return Sittings({**sessions, session.id: session}, {**drafts, draft.id: draft})
        case ev.PositionStated():
            draft = drafts[event.draft_id]
            draft = replace(draft, positions={**draft.positions, event.state: event.position})
        case ev.DraftClosed():
            draft = replace(
                drafts[event.draft_id],
                outcome=event.outcome,
                blocked_by=event.blocked_by,
                standing_aside=event.standing_aside,
                absent=event.absent,
                closed_at=event.at,
            )
        case ev.DecisionJoined():
            joining = drafts[event.draft_id]
            draft = replace(joining, joined=(*joining.joined, event.state))
        case _:
            return None
    return replace(sittings, drafts={**drafts, draft.id: draft})


BODIES: Part[Sittings] = Part("bodies", Sittings, apply)
