"""The API's shapes for cases: what a client sends and what it reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from accord.rules.bounds import Contingents, Grounds, Key, Keys, State, States, Summary, UnitIds

ON_BEHALF_OF = Field(
    None,
    description="Whom the command is sent for: a delegation always acts "
    "for its state; a Secretariat officer for chair, "
    "secretary_general or a body",
    examples=["chair"],
)


class FileRequestIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "article": "CST-4",
                    "threat": "aggression",
                    "aggressor": "non_state",
                    "where": "KAZ",
                    "summary": "attacks by armed groups trained abroad",
                    "classification": "restricted",
                    "releasable_to": [],
                }
            ]
        },
    )

    article: Key = Field(examples=["CST-4"])
    where: State | None = Field(None, examples=["KAZ"])
    threat: Key = Field("threat", examples=["aggression"])
    aggressor: Key = Field("unknown", examples=["non_state"])
    summary: Summary = Field("")
    threatened: Keys = Field(default=("security",))
    classification: Key = Field("restricted", examples=["restricted"])
    releasable_to: States = Field(default=(), examples=[["KAZ"]])
    prepared: Key | None = Field(None, description="The prepared request this filing takes up")
    on_behalf_of: Key | None = ON_BEHALF_OF


class PrepareRequestIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "for_state": "TJK",
                    "article": "CST-2",
                    "threat": "threat",
                    "threatened": ["security", "territorial_integrity"],
                    "summary": "armed clashes on the border with Afghanistan",
                    "grounds": "armed clash in Tajikistan, week of 2021-07-05: 14 events, "
                    "baseline 2.1, z = 4.3",
                }
            ]
        },
    )

    for_state: State = Field(examples=["TJK"])
    article: Key = Field(examples=["CST-2"])
    where: State | None = Field(None, examples=["TJK"])
    threat: Key = Field("threat", examples=["threat"])
    aggressor: Key = Field("unknown", examples=["unknown"])
    summary: Summary = Field("")
    threatened: Keys = Field(default=("security",))
    grounds: Grounds = Field("")
    on_behalf_of: Key | None = ON_BEHALF_OF


class PreparedRequestOut(BaseModel):
    id: str = Field(examples=["prepared-1"])
    for_state: str = Field(examples=["TJK"])
    article: str
    where: str
    threat: str
    aggressor: str
    summary: str
    threatened: list[str]
    grounds: str
    prepared_by: str
    prepared_at: dt.datetime
    filed_as: str | None


class DeployIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "formation": "collective_peacekeeping_forces",
                    "contingents": {"RUS": 1500, "BLR": 200},
                }
            ]
        },
    )

    formation: Key = "collective_peacekeeping_forces"
    contingents: Contingents = Field(default_factory=dict)
    units: UnitIds = Field(default=(), description="Pledged units sent, instead of contingents")
    on_behalf_of: Key | None = ON_BEHALF_OF


class WithdrawIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"contingents": ["ARM", "KGZ"]}]}
    )

    contingents: States = Field(default=(), examples=[["ARM", "KGZ"]])
    on_behalf_of: Key | None = ON_BEHALF_OF


class CloseCaseIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"summary": "all contingents home, no losses"}]},
    )

    summary: Summary = Field("", examples=["all contingents home, no losses"])
    on_behalf_of: Key | None = ON_BEHALF_OF


class ActIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{}]})

    on_behalf_of: Key | None = ON_BEHALF_OF


class CaseSummary(BaseModel):
    id: str = Field(examples=["case-1"])
    requested_by: str = Field(examples=["KAZ"])
    article: str
    where: str
    stage: str = Field(examples=["decided"])
    classification: str
    filed_at: dt.datetime
    summary: str


class CaseOut(CaseSummary):
    role: str
    threat: str
    aggressor: str
    releasable_to: list[str]
    adopted: dict[str, str]
    un_notified_at: dt.datetime | None
    deployments: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    closing_summary: str
