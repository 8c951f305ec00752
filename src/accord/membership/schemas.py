"""The API's shapes for membership."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from accord.cases.schemas import ON_BEHALF_OF
from accord.rules.bounds import Key, State


class SuspensionRequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"state": "UZB"}]})

    state: State | None = Field(
        None,
        description="The member to suspend (default: the caller's state)",
    )
    on_behalf_of: Key | None = ON_BEHALF_OF


class GrantStatusIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"state": "SRB", "status": "observer"}]}
    )

    state: State
    status: Key = Field(examples=["observer"], description="observer or partner")
    on_behalf_of: Key | None = ON_BEHALF_OF


class MemberOut(BaseModel):
    state: str = Field(examples=["ARM"])
    name: str
    status: str = Field(examples=["member"])
    since: str | None
    participation_frozen: bool
    source: str | None
    confidence: str | None
    note: str | None
