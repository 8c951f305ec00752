"""The instruments API: signatures, ratifications, and whether an instrument is in force."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from accord.cases.schemas import ActIn
from accord.entrypoints.deps import AccordDep, PrincipalDep, SendDep
from accord.entrypoints.problems import PROBLEMS, CommandOut
from accord.partners import commands as cmd
from accord.partners.model import in_force

router = APIRouter(prefix="/instruments", tags=["instruments"], responses=PROBLEMS)
CREATED: dict[int | str, dict[str, Any]] = {201: {"model": CommandOut}}


class InstrumentOut(BaseModel):
    id: str
    title: str | None
    in_force: bool
    signed: dict[str, dt.date]
    ratified: dict[str, dt.date]


@router.get("/{instrument_id}", response_model=InstrumentOut)
def read_instrument(
    instrument_id: str,
    accord: AccordDep,
    principal: PrincipalDep,
    as_of: Annotated[dt.date | None, Query()] = None,
) -> Any:
    """An instrument's signatures and ratifications, and whether it is in force on a date."""
    world = accord.uow.world
    known = world.charter().instruments.get(instrument_id)
    record = world.instruments.get(instrument_id)
    if known is None and record is None:
        raise HTTPException(404, f"no instrument {instrument_id!r} in the charter or the record")
    return {
        "id": instrument_id,
        "title": known.title if known else None,
        "in_force": in_force(
            world.charter(), world.instruments, instrument_id, as_of or accord.now().date()
        ),
        "signed": record.signed if record else {},
        "ratified": record.ratified if record else {},
    }


@router.post("/{instrument_id}/signatures", status_code=201, responses=CREATED)
def sign_instrument(instrument_id: str, body: ActIn, send: SendDep) -> Any:
    """A state signs the instrument."""
    return send(cmd.SignInstrument(instrument=instrument_id), body.on_behalf_of)


@router.post("/{instrument_id}/ratifications", status_code=201, responses=CREATED)
def ratify(instrument_id: str, body: ActIn, send: SendDep) -> Any:
    """A signatory ratifies the instrument."""
    return send(cmd.Ratify(instrument=instrument_id), body.on_behalf_of)
