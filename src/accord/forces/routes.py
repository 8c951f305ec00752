"""The forces API: units pledged by members."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from accord.adapters.documents import to_document
from accord.cases.schemas import ON_BEHALF_OF
from accord.entrypoints.deps import AccordDep, PrincipalDep, SendDep
from accord.entrypoints.problems import PROBLEMS, CommandOut
from accord.forces import commands as cmd

router = APIRouter(prefix="/units", tags=["forces"], responses=PROBLEMS)


class PledgeIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "unit": "31st air assault brigade",
                    "strength": 1500,
                    "kind": "brigade",
                    "formation": "collective_rapid_reaction_forces",
                    "readiness_days": 7,
                }
            ]
        },
    )

    unit: str = Field(max_length=200)
    strength: int = Field(description="Personnel (must be positive)")
    kind: str = "battalion"
    formation: str = "collective_rapid_reaction_forces"
    readiness_days: int = 30
    on_behalf_of: str | None = ON_BEHALF_OF


class UnitOut(BaseModel):
    id: str
    state: str
    name: str
    kind: str
    formation: str
    strength: int
    readiness_days: int


@router.get("", response_model=list[UnitOut])
def list_units(accord: AccordDep, principal: PrincipalDep) -> Any:
    """Every pledged unit."""
    return [to_document(unit) for unit in accord.uow.world.units.values()]


@router.post("", status_code=201, responses={201: {"model": CommandOut}})
def pledge_unit(body: PledgeIn, send: SendDep) -> Any:
    """A delegation pledges one of its state's units."""
    command = cmd.PledgeUnit(
        unit=body.unit,
        strength=body.strength,
        kind=body.kind,
        formation=body.formation,
        readiness_days=body.readiness_days,
    )
    return send(command, body.on_behalf_of)
