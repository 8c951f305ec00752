"""Finding a record the caller may see: missing and not-released both answer 404."""

from __future__ import annotations

from fastapi import HTTPException

from accord.bodies.model import Draft, Session
from accord.cases.model import Case, PreparedRequest
from accord.cases.views import case_visible, prepared_visible
from accord.entrypoints.sending import deny
from accord.identity.model import Principal
from accord.service.runtime import Accord


def case_for(accord: Accord, principal: Principal, case_id: str, doing: str) -> Case:
    world = accord.world
    case = world.cases.get(case_id)
    if case is None:
        raise HTTPException(404, f"case {case_id!r} does not exist")
    if not case_visible(world, case, principal, accord.now().date()):
        deny(accord, principal, f"{doing} {case_id}")
        raise HTTPException(404, f"case {case_id!r} does not exist")
    return case


def session_for(accord: Accord, principal: Principal, session_id: str, doing: str) -> Session:
    session = accord.world.sittings.sessions.get(session_id)
    if session is None:
        raise HTTPException(404, f"session {session_id!r} does not exist")
    if session.case_id is not None:
        case_for(accord, principal, session.case_id, doing)
    return session


def draft_for(accord: Accord, principal: Principal, draft_id: str, doing: str) -> Draft:
    draft = accord.world.sittings.drafts.get(draft_id)
    if draft is None:
        raise HTTPException(404, f"draft {draft_id!r} does not exist")
    if draft.case_id is not None:
        case_for(accord, principal, draft.case_id, doing)
    return draft


def prepared_for(
    accord: Accord, principal: Principal, prepared_id: str, doing: str
) -> PreparedRequest:
    world = accord.world
    prepared = world.prepared_requests.get(prepared_id)
    if prepared is None:
        raise HTTPException(404, f"prepared request {prepared_id!r} does not exist")
    if not prepared_visible(world, prepared, principal, accord.now().date()):
        deny(accord, principal, f"{doing} {prepared_id}")
        raise HTTPException(404, f"prepared request {prepared_id!r} does not exist")
    return prepared
