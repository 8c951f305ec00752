"""What every route may ask for: the running Accord, the caller, the Idempotency-Key.

A route that only reads the immutable read model (``accord.world``) is an ``async def``:
FastAPI runs a plain ``def`` route, and then its response validation, each in a worker thread,
two hops that cost more CPU than the read itself. What blocks stays a plain ``def``, run in a
worker thread: queries of the journal and of the event store, the force-matching solver, and
commands, which wait for the one writer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accord.edge.commanding import Sender
from accord.identity.model import Principal
from accord.rules.bounds import RetryKey
from accord.service.runtime import Accord


async def get_accord(request: Request) -> Accord:
    # async: FastAPI runs a plain def dependency in a worker thread, a hop for one attribute.
    accord: Accord = request.app.state.accord
    return accord


AccordDep = Annotated[Accord, Depends(get_accord)]


#: The API's one security scheme, declared in the OpenAPI document (so /docs can authorize).
#: auto_error=False: the 401s below say what is wrong, in the API's problem shape.
BEARER = HTTPBearer(
    auto_error=False, description="An API token: `accord users add`, or POST /auth/token"
)


async def get_principal(
    accord: AccordDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
) -> Principal:
    # async: a plain def would hop to a worker thread on every request, for a lookup that is
    # a few microseconds in the token cache (one indexed read of the revocation counter).
    token = credentials.credentials.strip() if credentials else ""
    if not token:
        raise HTTPException(401, "an API token is required: Authorization: Bearer <token>")
    principal = accord.tokens.principal(token)
    if principal is None:
        raise HTTPException(401, "the API token is unknown or revoked")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
IdempotencyKey = Annotated[
    RetryKey | None,
    Header(
        alias="Idempotency-Key",
        description="Send the same key again to retry without applying twice",
    ),
]


async def get_sender(
    accord: AccordDep, principal: PrincipalDep, idempotency_key: IdempotencyKey = None
) -> Sender:
    return Sender(accord, principal, idempotency_key)


SendDep = Annotated[Sender, Depends(get_sender)]
