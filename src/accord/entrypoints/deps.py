"""What every route may ask for: the running Accord, the caller, the Idempotency-Key."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from accord.entrypoints.commanding import Sender
from accord.identity.model import Principal
from accord.identity.repository import principal_for_token
from accord.service.runtime import Accord


async def get_accord(request: Request) -> Accord:
    # async: FastAPI runs a plain def dependency in a worker thread, a hop for one attribute.
    accord: Accord = request.app.state.accord
    return accord


AccordDep = Annotated[Accord, Depends(get_accord)]


def get_principal(
    accord: AccordDep,
    authorization: Annotated[str | None, Header(description="Bearer <API token>")] = None,
) -> Principal:
    token = (authorization or "").removeprefix("Bearer ").strip()
    if not token:
        raise HTTPException(401, "an API token is required: Authorization: Bearer <token>")
    with accord.engine.connect() as connection:
        principal = principal_for_token(connection, token)
    if principal is None:
        raise HTTPException(401, "the API token is unknown or revoked")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Send the same key again to retry without applying twice",
    ),
]


def get_sender(
    accord: AccordDep, principal: PrincipalDep, idempotency_key: IdempotencyKey = None
) -> Sender:
    return Sender(accord, principal, idempotency_key)


SendDep = Annotated[Sender, Depends(get_sender)]
