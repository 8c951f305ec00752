"""The operations API: the standing operations, their stages, members' results, yearly totals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from accord.entrypoints.deps import AccordDep, PrincipalDep, SendDep
from accord.entrypoints.problems import PROBLEMS, CommandOut
from accord.operations import commands as cmd
from accord.operations import views
from accord.operations.catalog import find_operation
from accord.operations.schemas import OperationOut, ResultsIn, StageIn, StageOut, TotalsOut

router = APIRouter(tags=["operations"], responses=PROBLEMS)
CREATED: dict[int | str, dict[str, Any]] = {201: {"model": CommandOut}}


@router.get("/operations", response_model=list[OperationOut])
async def list_operations(accord: AccordDep, principal: PrincipalDep) -> Any:
    """Channel, Illegal, Proxy and Mercenary, with their sources and confidence."""
    return views.catalog(accord.world.operation_stages)


@router.get("/operations/totals", response_model=list[TotalsOut])
async def operation_totals(
    accord: AccordDep,
    principal: PrincipalDep,
    year: Annotated[int | None, Query(ge=1992, le=2100, description="Only this year")] = None,
) -> Any:
    """Per year and operation: kilograms seized by substance, detentions, resources blocked."""
    return views.totals(accord.world.operation_stages, year)


@router.get("/operations/{operation}/stages", response_model=list[StageOut])
async def list_stages(operation: str, accord: AccordDep, principal: PrincipalDep) -> Any:
    """An operation's stages in date order, each with the results its members recorded."""
    name = find_operation(operation).name
    return views.stages_of(accord.world.operation_stages, name)


@router.post("/operations/{operation}/stages", status_code=201, responses=CREATED)
async def record_operation_stage(operation: str, body: StageIn, send: SendDep) -> Any:
    """The Secretariat or the Joint Staff records a stage of the operation."""
    command = cmd.RecordOperationStage(
        operation=operation,
        name=body.name,
        start=body.start,
        end=body.end,
        participants=tuple(s.upper() for s in body.participants),
        observers=tuple(body.observers),
    )
    return await send(command, body.on_behalf_of)


@router.post("/operation-stages/{stage_id}/results", status_code=201, responses=CREATED)
async def record_operation_results(stage_id: str, body: ResultsIn, send: SendDep) -> Any:
    """A delegation records its own state's results in the stage; the Secretariat anyone's."""
    command = cmd.RecordOperationResults(
        stage=stage_id,
        state=body.state.upper(),
        seizures=dict(body.seizures),
        detentions=body.detentions,
        resources_blocked=body.resources_blocked,
    )
    return await send(command, body.on_behalf_of)
