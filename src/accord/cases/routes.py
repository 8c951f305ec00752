"""The cases API: file a request, read cases, carry decisions out, close."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.cases import views
from accord.cases.released import case_for, prepared_for
from accord.cases.schemas import (
    CaseOut,
    CaseSummary,
    CloseCaseIn,
    DeployIn,
    FileRequestIn,
    PreparedRequestOut,
    PrepareRequestIn,
    UnNotificationIn,
    WithdrawIn,
    WithdrawRequestIn,
)
from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import PageDep, RecordId, page

router = APIRouter(prefix="/cases", tags=["cases"], responses=PROBLEMS)
prepared_router = APIRouter(prefix="/prepared-requests", tags=["cases"], responses=PROBLEMS)
CREATED = PLAIN
CASE_CREATED = created(
    "case",
    "GET /cases/{case_id}",
    "POST /cases/{case_id}/un-notifications",
    "POST /cases/{case_id}/deployments",
    "POST /cases/{case_id}/withdrawals",
    "POST /cases/{case_id}/closure",
    "POST /cases/{case_id}/withdrawal-of-request",
    "POST /cases/{case_id}/requirements",
    "GET /cases/{case_id}/force-proposal",
)
PREPARED_CREATED = created("prepared_request", "GET /prepared-requests/{prepared_id}")


@router.get("", response_model=list[CaseSummary])
async def list_cases(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """The cases released to the caller, by id (case-9 before case-12), a page at a time."""
    cases = views.visible_cases(accord.world, principal, accord.now().date())
    return page(query, cases, lambda case: case["id"])


@router.get("/{case_id}", response_model=CaseOut)
async def read_case(case_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One case with its timeline, decisions and deployments."""
    return views.detail(case_for(accord, principal, case_id, "read case"))


@router.post("", status_code=201, responses=CASE_CREATED)
async def file_request(body: FileRequestIn, send: SendDep) -> Any:
    """A member files a request: Art. 2 consultations or Art. 4 assistance."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/{case_id}/un-notifications", status_code=201, responses=CREATED)
async def notify_un_security_council(
    case_id: RecordId, body: UnNotificationIn, send: SendDep
) -> Any:
    """Inform the UN Security Council of the measures taken."""
    return await send(body.command(case=case_id), body.on_behalf_of)


@router.post("/{case_id}/deployments", status_code=201, responses=CREATED)
async def deploy(case_id: RecordId, body: DeployIn, send: SendDep) -> Any:
    """Send contingents to carry out an adopted decision."""
    return await send(body.command(case=case_id), body.on_behalf_of)


@router.post("/{case_id}/withdrawals", status_code=201, responses=CREATED)
async def withdraw_forces(case_id: RecordId, body: WithdrawIn, send: SendDep) -> Any:
    """Bring contingents home (all unless some are named)."""
    return await send(body.command(case=case_id), body.on_behalf_of)


@router.post("/{case_id}/closure", status_code=201, responses=CREATED)
async def close_case(case_id: RecordId, body: CloseCaseIn, send: SendDep) -> Any:
    """Close the case with a summary."""
    return await send(body.command(case=case_id), body.on_behalf_of)


@router.post("/{case_id}/withdrawal-of-request", status_code=201, responses=CREATED)
async def withdraw_request(case_id: RecordId, body: WithdrawRequestIn, send: SendDep) -> Any:
    """The requesting member takes its request back."""
    return await send(body.command(case=case_id), body.on_behalf_of)


@prepared_router.get("", response_model=list[PreparedRequestOut])
async def list_prepared_requests(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """Requests drafted for members to file: the staff see all, a delegation its own."""
    day = accord.now().date()
    prepared = views.visible_prepared_requests(accord.world, principal, day)
    return page(query, prepared, lambda request: request.id)


@prepared_router.get("/{prepared_id}", response_model=PreparedRequestOut)
async def read_prepared_request(
    prepared_id: RecordId, accord: AccordDep, principal: PrincipalDep
) -> Any:
    """One prepared request, if it is addressed to the caller's state or the caller is staff."""
    return prepared_for(accord, principal, prepared_id, "read prepared request")


@prepared_router.post("", status_code=201, responses=PREPARED_CREATED)
async def prepare_request(body: PrepareRequestIn, send: SendDep) -> Any:
    """The Crisis Response Centre drafts a request for a member's delegation to file."""
    return await send(body.command(), body.on_behalf_of)
