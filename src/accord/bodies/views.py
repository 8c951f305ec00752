"""Read models of sessions and drafts, filtered by what the caller may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.adapters.documents import to_document
from accord.bodies.model import Draft, Session
from accord.cases.views import case_visible
from accord.identity.permissions import Person
from accord.service.world import World


def _released(world: World, case_id: str | None, person: Person, day: dt.date) -> bool:
    return case_id is None or case_visible(world, world.cases[case_id], person, day)


def session_visible(world: World, session: Session, person: Person, day: dt.date) -> bool:
    return _released(world, session.case_id, person, day)


def draft_visible(world: World, draft: Draft, person: Person, day: dt.date) -> bool:
    return _released(world, draft.case_id, person, day)


def visible_sessions(world: World, person: Person, day: dt.date) -> list[dict[str, Any]]:
    return [
        session_view(s)
        for s in world.sittings.sessions.values()
        if session_visible(world, s, person, day)
    ]


def session_view(session: Session) -> dict[str, Any]:
    return dict(to_document(session))


def draft_view(draft: Draft) -> dict[str, Any]:
    return dict(to_document(draft))
