"""The identity API: exchange a password for a token, and who am I."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from accord.edge.deps import AccordDep, PrincipalDep
from accord.edge.problems import PROBLEMS, Problem, problem
from accord.edge.views import view_of
from accord.identity.model import Principal
from accord.identity.repository import issue_token, login
from accord.identity.secrets import passwords
from accord.identity.throttle import LoginThrottle, login_keys
from accord.kernel.messages import Actor
from accord.rules.bounds import Key
from accord.rules.ruling import Because
from accord.service.runtime import Accord

router = APIRouter(tags=["identity"], responses=PROBLEMS)


class LoginIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "kaz-delegation", "password": "a long pass phrase"}]
        }
    )

    name: Key = Field(examples=["kaz-delegation"])
    password: str = Field(max_length=1000)


class TokenOut(BaseModel):
    token: str
    token_id: str


@view_of(Principal)
class MeOut(BaseModel):
    role: str


THROTTLED: dict[int | str, dict[str, Any]] = {
    429: {
        "model": Problem,
        "description": "Too many wrong passwords for this account or from this address: "
        "retry after the seconds Retry-After gives (the attempt is journaled, not checked)",
    }
}


@router.post("/auth/token", response_model=TokenOut, status_code=201, responses=THROTTLED)
def token(body: LoginIn, accord: AccordDep, request: Request) -> Any:
    """A new API token for a user's name and password (shown once)."""
    throttle: LoginThrottle = request.app.state.login_throttle
    address = request.client.host if request.client else None
    keys = login_keys(body.name, address)
    wait = throttle.retry_after(keys)
    if wait:
        journal_throttled(accord, body.name, address, wait)
        response = problem(429, f"too many wrong passwords: try again in {wait} s")
        response.headers["Retry-After"] = str(wait)
        return response
    with accord.engine.connect() as connection:
        principal = login(connection, body.name, body.password, passwords(accord.settings))
    if principal is None:
        throttle.failed(keys)
        raise HTTPException(401, "wrong name or password")
    throttle.succeeded(keys[:1])  # the account's; an address stays suspect
    # A write of its own, taking SQLite's write lock as it begins: a read that turned into a
    # write would be refused outright (busy) whenever another write had committed meanwhile.
    writing = accord.engine.connect().execution_options(writing=True)
    with writing as connection, connection.begin():
        token_id, plain = issue_token(connection, principal.user_id, "login")
    return {"token": plain, "token_id": token_id}


def journal_throttled(accord: Accord, name: str, address: str | None, wait: int) -> None:
    """Each throttled attempt is journaled (by the writer, without waiting for it)."""
    at = accord.now()
    because = Because("permission", at.date())
    because.refuse(f"login as {name} throttled after repeated wrong passwords ({wait} s left)")
    payload = {"address": address, "retry_after": wait}
    accord.record_refusal("log in", Actor(name, None, "anonymous"), at, because.ruling(), payload)


@router.get("/me", response_model=MeOut)
async def me(principal: PrincipalDep) -> Any:
    """The caller as the token identifies it."""
    return principal
