"""Read models of sessions and drafts, filtered by what the caller may see.

``session_visible`` and ``draft_visible`` are THE predicates of who may read a session or a
draft. A draft about a case is read by whoever reads the case, and also by the delegation of
every state that takes part in the body's decision on it (``rules.release``: tabling releases
the draft, not the case file, to the participants, because confidentiality never removes a
state from a decision it takes part in). A session about a case is read by whoever reads the
case, and by whoever reads a draft on its agenda (so that the agenda can be read). Staff roles
read as they read the case; an observer liaison or a non-participant delegation reads nothing
more. Release is computed on the day of reading (the closing day once a draft is closed), never
stored: a member admitted before the closing reads the draft it may then decide on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from accord.adapters.documents import to_document
from accord.bodies.matters import MATTERS
from accord.bodies.model import BODIES, Draft, Session
from accord.identity.permissions import DELEGATION, Person
from accord.rules.release import released_to
from accord.service.world import World


@dataclass(frozen=True)
class Delegation:
    """A member state as a reader: what is released to a state is read by its delegation."""

    state: str
    role: str = DELEGATION


def _released(world: World, case_id: str | None, person: Person, day: dt.date) -> bool:
    if case_id is None:
        return True
    matters = world.port(MATTERS)
    return matters.visible(world, matters.find(world, case_id), person, day)


def draft_released_to(world: World, draft: Draft, day: dt.date) -> frozenset[str]:
    """The states a draft is released to as participants of the decision on it: on ``day``
    while it is open, on its closing day once closed (the states that took the decision)."""
    decided_on = draft.closed_at.date() if draft.closed_at is not None else day
    body = world.charter().bodies[draft.body]
    return released_to(world.rulebook(decided_on), body, draft.kind, draft.subject)


def draft_visible(world: World, draft: Draft, person: Person, day: dt.date) -> bool:
    if _released(world, draft.case_id, person, day):
        return True
    return str(person.role) == DELEGATION and person.state in draft_released_to(world, draft, day)


def session_visible(world: World, session: Session, person: Person, day: dt.date) -> bool:
    if _released(world, session.case_id, person, day):
        return True
    drafts = world[BODIES].drafts
    return any(draft_visible(world, drafts[d], person, day) for d in session.agenda)


def visible_sessions(world: World, person: Person, day: dt.date) -> list[dict[str, Any]]:
    return [
        session_view(world, s, person, day) for s in visible_session_records(world, person, day)
    ]


def visible_session_records(world: World, person: Person, day: dt.date) -> list[Session]:
    return [s for s in world[BODIES].sessions.values() if session_visible(world, s, person, day)]


def session_view(world: World, session: Session, person: Person, day: dt.date) -> dict[str, Any]:
    """The session, its agenda cut to the drafts the caller may read: a draft it may not read
    is not on the agenda it is shown, as if it had never been tabled."""
    drafts = world[BODIES].drafts
    agenda = [d for d in session.agenda if draft_visible(world, drafts[d], person, day)]
    return {**to_document(session), "agenda": agenda}


def draft_view(draft: Draft) -> dict[str, Any]:
    return dict(to_document(draft))
