"""What happened in a body: sessions convened, drafts tabled, positions stated, drafts closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class SessionConvened(Event):
    creates = ("session", "session_id")

    session_id: str
    body: str
    extraordinary: bool
    format: str
    case_id: str | None
    #: A list; one state or none in entries written before requesters could be several.
    requested_by: tuple[str, ...] | str | None
    chair: str | None
    at: dt.datetime
    venue: str | None = None


@dataclass(frozen=True)
class DraftTabled(Event):
    creates = ("draft", "draft_id")

    draft_id: str
    session_id: str
    body: str
    kind: str
    case_id: str | None
    subject: str | None
    text: str
    by: str
    at: dt.datetime
    parties_to_dispute: tuple[str, ...] = ()
    un_mandate: str | None = None


@dataclass(frozen=True)
class PositionStated(Event):
    draft_id: str
    state: str
    position: str
    at: dt.datetime


@dataclass(frozen=True)
class DraftClosed(Event):
    draft_id: str
    body: str
    kind: str
    case_id: str | None
    subject: str | None
    outcome: str
    blocked_by: tuple[str, ...]
    standing_aside: tuple[str, ...]
    absent: tuple[str, ...]
    at: dt.datetime


@dataclass(frozen=True)
class DecisionJoined(Event):
    draft_id: str
    state: str
    at: dt.datetime
