"""The operations API: the standing operations, their stages, members' results, yearly totals."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import PageDep, RecordId, Year, page
from accord.operations import views
from accord.operations.catalog import find_operation
from accord.operations.model import OPERATION_STAGES
from accord.operations.schemas import OperationOut, ResultsIn, StageIn, StageOut, TotalsOut

router = APIRouter(tags=["operations"], responses=PROBLEMS)
CREATED = PLAIN
STAGE_CREATED = created("operation_stage", "POST /operation-stages/{stage_id}/results")


@router.get("/operations", response_model=list[OperationOut])
async def list_operations(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """Channel, Illegal, Proxy and Mercenary, with their sources and confidence."""
    catalog = views.catalog(accord.world[OPERATION_STAGES])
    return page(query, catalog, lambda operation: str(operation["name"]), by_id=False)


@router.get("/operations/totals", response_model=list[TotalsOut])
async def operation_totals(
    accord: AccordDep,
    principal: PrincipalDep,
    year: Year = None,
) -> Any:
    """Per year and operation: kilograms seized by substance, detentions, resources blocked."""
    return views.totals(accord.world[OPERATION_STAGES], year)


@router.get("/operations/{operation}/stages", response_model=list[StageOut])
async def list_stages(
    operation: RecordId, accord: AccordDep, principal: PrincipalDep, query: PageDep
) -> Any:
    """An operation's stages in date order, each with the results its members recorded."""
    name = find_operation(operation).name
    stages = views.stages_of(accord.world[OPERATION_STAGES], name)
    return page(query, stages, lambda stage: str(stage["id"]), by_id=False)


@router.post("/operations/{operation}/stages", status_code=201, responses=STAGE_CREATED)
async def record_operation_stage(operation: RecordId, body: StageIn, send: SendDep) -> Any:
    """The Secretariat or the Joint Staff records a stage of the operation."""
    return await send(body.command(operation=operation), body.on_behalf_of)


@router.post("/operation-stages/{stage_id}/results", status_code=201, responses=CREATED)
async def record_operation_results(stage_id: RecordId, body: ResultsIn, send: SendDep) -> Any:
    """A delegation records its own state's results in the stage; the Secretariat anyone's."""
    return await send(body.command(stage=stage_id), body.on_behalf_of)
