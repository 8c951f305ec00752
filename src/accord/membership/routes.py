"""The membership API: applications, withdrawals, frozen participation, suspension, statuses."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.problems import PROBLEMS, CommandOut
from accord.edge.queries import AsOf, PageDep, page
from accord.membership.schemas import (
    ApplicationIn,
    FrozenParticipationIn,
    GrantStatusIn,
    MemberOut,
    SuspensionRequestIn,
    WithdrawalNoticeIn,
)
from accord.rules.summaries import members_summary

router = APIRouter(tags=["membership"], responses=PROBLEMS)
CREATED: dict[int | str, dict[str, Any]] = {201: {"model": CommandOut}}


@router.get("/members", response_model=list[MemberOut])
async def members(
    accord: AccordDep, principal: PrincipalDep, query: PageDep, as_of: AsOf = None
) -> Any:
    """Every state and its status on a date, with the source of that status."""
    summary = members_summary(accord.world.rulebook(as_of or accord.now().date()))
    return page(query, summary, lambda member: str(member["state"]), by_id=False)


@router.post("/membership/applications", status_code=201, responses=CREATED)
async def apply_for_membership(body: ApplicationIn, send: SendDep) -> Any:
    """A state applies for membership."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/membership/withdrawal-notices", status_code=201, responses=CREATED)
async def notify_withdrawal(body: WithdrawalNoticeIn, send: SendDep) -> Any:
    """A member gives notice of withdrawal (effective after the notice period)."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/membership/frozen-participation", status_code=201, responses=CREATED)
async def declare_participation_frozen(body: FrozenParticipationIn, send: SendDep) -> Any:
    """A member declares its participation frozen (not a Charter status)."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/membership/suspension-requests", status_code=201, responses=CREATED)
async def request_suspension(body: SuspensionRequestIn, send: SendDep) -> Any:
    """A member asks for a suspension: a request only, the CSC decides."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/membership/statuses", status_code=201, responses=CREATED)
async def grant_status(body: GrantStatusIn, send: SendDep) -> Any:
    """Record an observer or partner status granted by the CSC."""
    return await send(body.command(), body.on_behalf_of)
