"""The forces API: pledges by members, their changes, verification visits by the Joint Staff."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Query

from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import PageDep, RecordId, page
from accord.edge.visibility import shown
from accord.forces import commands as cmd
from accord.forces.model import UNITS, find_unit
from accord.forces.proposing import force_proposal
from accord.forces.schemas import (
    ChangePledgeIn,
    PledgeIn,
    ProposalOut,
    RequirementsIn,
    UnitOut,
    VisitIn,
    WithdrawPledgeIn,
)
from accord.forces.views import proposal_view, unit_detail
from accord.rules.bounds import Day

router = APIRouter(prefix="/units", tags=["forces"], responses=PROBLEMS)
case_router = APIRouter(prefix="/cases", tags=["forces"], responses=PROBLEMS)
CREATED = PLAIN
UNIT_CREATED = created(
    "unit",
    "GET /units/{unit_id}",
    "POST /units/{unit_id}/changes",
    "POST /units/{unit_id}/withdrawal",
    "POST /units/{unit_id}/visits",
)


@router.get("", response_model=list[UnitOut])
async def list_units(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """Every unit pledged, with its readiness, caveats and history, by id, a page at a time."""
    units = page(query, accord.world[UNITS].values(), lambda unit: unit.id)
    return [unit_detail(unit) for unit in units]


@router.get("/{unit_id}", response_model=UnitOut)
async def read_unit(unit_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One unit and its dated history: pledge, changes, visits, withdrawal."""
    return unit_detail(find_unit(accord.world[UNITS], unit_id))


@router.post("", status_code=201, responses=UNIT_CREATED)
async def pledge_unit(body: PledgeIn, send: SendDep) -> Any:
    """A delegation pledges one of its state's units."""
    return await send(body.command(), body.on_behalf_of)


@router.post("/{unit_id}/changes", status_code=201, responses=CREATED)
async def change_pledge(unit_id: RecordId, body: ChangePledgeIn, send: SendDep) -> Any:
    """The pledging delegation changes its pledge, saying why."""
    return await send(body.command(unit=unit_id), body.on_behalf_of)


@router.post("/{unit_id}/withdrawal", status_code=201, responses=CREATED)
async def withdraw_pledge(unit_id: RecordId, body: WithdrawPledgeIn, send: SendDep) -> Any:
    """The pledging delegation takes its unit back (not while it is deployed)."""
    return await send(body.command(unit=unit_id), body.on_behalf_of)


@router.post("/{unit_id}/visits", status_code=201, responses=CREATED)
async def record_visit(unit_id: RecordId, body: VisitIn, send: SendDep) -> Any:
    """The Joint Staff records a verification visit and the readiness level it found."""
    return await send(body.command(unit=unit_id), body.on_behalf_of)


@case_router.post("/{case_id}/requirements", status_code=201, responses=CREATED)
async def state_requirements(case_id: RecordId, body: RequirementsIn, send: SendDep) -> Any:
    """The Joint Staff states what the adopted decision needs: capability, strength, by
    when, where (a new statement replaces the case's earlier one)."""
    requirements = tuple(
        cast(cmd.Requirement, r.model_dump(mode="json", exclude_none=True))
        for r in body.requirements
    )
    return await send(body.command(case=case_id, requirements=requirements), body.on_behalf_of)


@case_router.get("/{case_id}/force-proposal", response_model=ProposalOut)
def propose_forces(
    case_id: RecordId,
    accord: AccordDep,
    principal: PrincipalDep,
    order_day: Annotated[
        Day | None, Query(alias="order", description="The day of the order (default today)")
    ] = None,
) -> Any:
    """The pledged units that best meet the case's requirements (earliest arrival, then the
    most balanced contributions, then no needless personnel), or why none do."""
    # The case as the field ``case`` names it, released or not (declared by the cases).
    case = accord.bus.assembly.classified["case"]
    shown(accord, principal, case, case_id, "read the force proposal")
    day = order_day or accord.now().date()
    world = accord.world
    return proposal_view(world, case_id, day, force_proposal(world, case_id, day))
