"""The identity API: exchange a password for a token, and who am I."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from accord.accounts.signing_in import Throttled, sign_in
from accord.edge.deps import AccordDep, PrincipalDep
from accord.edge.problems import PROBLEMS, Problem, problem
from accord.edge.views import view_of
from accord.identity.model import Principal
from accord.identity.throttle import LoginThrottle
from accord.rules.bounds import Key

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
    signed_in = sign_in(accord, throttle, body.name, body.password, address)
    if isinstance(signed_in, Throttled):
        response = problem(429, f"too many wrong passwords: try again in {signed_in.wait} s")
        response.headers["Retry-After"] = str(signed_in.wait)
        return response
    if signed_in is None:
        raise HTTPException(401, "wrong name or password")
    return {"token": signed_in.token, "token_id": signed_in.token_id}


@router.get("/me", response_model=MeOut)
async def me(principal: PrincipalDep) -> Any:
    """The caller as the token identifies it."""
    return principal
