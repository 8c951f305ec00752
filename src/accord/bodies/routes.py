"""The bodies API: convene sessions, table drafts, state positions, close drafts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.bodies import views
from accord.bodies.released import draft_for, session_for
from accord.bodies.schemas import (
    ClosureIn,
    ConveneIn,
    DraftOut,
    JoiningIn,
    PositionIn,
    SessionOut,
    TableDraftIn,
)
from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import PageDep, RecordId, page

router = APIRouter(tags=["bodies"], responses=PROBLEMS)
CREATED = PLAIN
SESSION_CREATED = created(
    "session", "GET /sessions/{session_id}", "POST /sessions/{session_id}/drafts"
)
DRAFT_CREATED = created(
    "draft",
    "GET /drafts/{draft_id}",
    "POST /drafts/{draft_id}/positions",
    "POST /drafts/{draft_id}/closure",
    "POST /drafts/{draft_id}/joining",
)


@router.get("/sessions", response_model=list[SessionOut])
async def list_sessions(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """Sessions of every body (one about a case only if the case, or a draft on its agenda, is
    released to the caller), by id, a page at a time."""
    world, day = accord.world, accord.now().date()
    visible = views.visible_session_records(world, principal, day)
    return [views.session_view(world, s, principal, day) for s in page(query, visible, _id)]


def _id(record: Any) -> str:
    return str(record.id)


@router.get("/sessions/{session_id}", response_model=SessionOut)
async def read_session(session_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One session and its agenda."""
    session = session_for(accord, principal, session_id, "read session")
    return views.session_view(accord.world, session, principal, accord.now().date())


@router.post("/sessions", status_code=201, responses=SESSION_CREATED)
async def convene_session(body: ConveneIn, send: SendDep) -> Any:
    """The chair convenes a regular or extraordinary session, in person or by video."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/sessions/{session_id}/drafts", status_code=201, responses=DRAFT_CREATED)
async def table_draft(session_id: RecordId, body: TableDraftIn, send: SendDep) -> Any:
    """Put a draft decision on the session's agenda."""
    return await send(body.command(session=session_id), body.on_behalf_of)


@router.get("/drafts/{draft_id}", response_model=DraftOut)
async def read_draft(draft_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One draft with every position stated and, once closed, its outcome."""
    return views.draft_view(draft_for(accord, principal, draft_id, "read draft"))


@router.post("/drafts/{draft_id}/positions", status_code=201, responses=CREATED)
async def state_position(draft_id: RecordId, body: PositionIn, send: SendDep) -> Any:
    """A delegation states its own state's position."""
    return await send(body.command(draft=draft_id), body.on_behalf_of)


@router.post("/drafts/{draft_id}/closure", status_code=201, responses=CREATED)
async def close_draft(draft_id: RecordId, body: ClosureIn, send: SendDep) -> Any:
    """The chair closes the draft: the rule in force gives the outcome."""
    return await send(body.command(draft=draft_id), body.on_behalf_of)


@router.post("/drafts/{draft_id}/joining", status_code=201, responses=CREATED)
async def join_decision(draft_id: RecordId, body: JoiningIn, send: SendDep) -> Any:
    """A delegation joins, for its state, a decision adopted while it stood aside or was absent."""
    return await send(body.command(draft=draft_id), body.on_behalf_of)
