"""Sessions of a body and the draft decisions on their agenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.bodies import events as ev
from accord.kernel.messages import Event


@dataclass
class Session:
    id: str
    body: str
    extraordinary: bool
    format: str
    case_id: str | None
    requested_by: str | None
    chair: str | None
    at: dt.datetime
    venue: str | None = None
    agenda: list[str] = field(default_factory=list)


@dataclass
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
    outcome: str | None = None
    blocked_by: tuple[str, ...] = ()
    standing_aside: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    closed_at: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def adopted(self) -> bool:
        return self.outcome is not None and self.outcome.startswith("adopted")


@dataclass
class Sittings:
    """Every session and draft, by id."""

    sessions: dict[str, Session] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)


def apply(sittings: Sittings, event: Event) -> bool:
    match event:
        case ev.SessionConvened():
            sittings.sessions[event.session_id] = Session(
                event.session_id,
                event.body,
                event.extraordinary,
                event.format,
                event.case_id,
                event.requested_by,
                event.chair,
                event.at,
            )
        case ev.DraftTabled():
            sittings.drafts[event.draft_id] = Draft(
                event.draft_id,
                event.session_id,
                event.body,
                event.kind,
                event.case_id,
                event.subject,
                event.text,
                event.by,
                event.at,
            )
            sittings.sessions[event.session_id].agenda.append(event.draft_id)
        case ev.PositionStated():
            sittings.drafts[event.draft_id].positions[event.state] = event.position
        case ev.DraftClosed():
            draft = sittings.drafts[event.draft_id]
            draft.outcome = event.outcome
            draft.blocked_by = event.blocked_by
            draft.standing_aside = event.standing_aside
            draft.absent = event.absent
            draft.closed_at = event.at
        case _:
            return False
    return True
