"""The identity API: exchange a password for a token, and who am I."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from accord.entrypoints.deps import AccordDep, PrincipalDep
from accord.entrypoints.problems import PROBLEMS
from accord.identity.repository import issue_token, login

router = APIRouter(tags=["identity"], responses=PROBLEMS)


class LoginIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"name": "kaz-delegation", "password": "a long pass phrase"}]
        }
    )

    name: str = Field(max_length=100, examples=["kaz-delegation"])
    password: str = Field(max_length=1000)


class TokenOut(BaseModel):
    token: str
    token_id: str


class MeOut(BaseModel):
    user_id: str
    name: str
    role: str
    state: str | None


@router.post("/auth/token", response_model=TokenOut, status_code=201)
def token(body: LoginIn, accord: AccordDep) -> Any:
    """A new API token for a user's name and password (shown once)."""
    with accord.engine.begin() as connection:
        principal = login(connection, body.name, body.password)
        if principal is None:
            raise HTTPException(401, "wrong name or password")
        token_id, plain = issue_token(connection, principal.user_id, "login")
    return {"token": plain, "token_id": token_id}


@router.get("/me", response_model=MeOut)
async def me(principal: PrincipalDep) -> Any:
    """The caller as the token identifies it."""
    return {
        "user_id": principal.user_id,
        "name": principal.name,
        "role": str(principal.role),
        "state": principal.state,
    }
