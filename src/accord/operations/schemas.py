"""The API's shapes for the standing operations, their stages and results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from accord.cases.schemas import ON_BEHALF_OF
from accord.rules.bounds import Count, Day, Key, Keys, Name, Seizures, State, States


class StageIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Channel-Arax",
                    "start": "2023-05-22",
                    "end": "2023-05-26",
                    "participants": ["ARM", "RUS"],
                    "observers": ["UNODC"],
                }
            ]
        },
    )

    name: Name = Field(examples=["Channel-Arax"])
    start: Day
    end: Day
    participants: States
    observers: Keys = Field(default_factory=tuple, description="States or organizations (UNODC...)")
    on_behalf_of: Key | None = ON_BEHALF_OF


class ResultsIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "state": "ARM",
                    "seizures": {"heroin": 12.5, "hashish": 40.0},
                    "detentions": 31,
                    "resources_blocked": 0,
                }
            ]
        },
    )

    state: State = Field(examples=["ARM"])
    seizures: Seizures = Field(default_factory=dict, description="Kilograms seized, by substance")
    detentions: Count = Field(0)
    resources_blocked: Count = Field(0)
    on_behalf_of: Key | None = ON_BEHALF_OF


class SourceOut(BaseModel):
    confidence: str
    refs: list[str]
    note: str | None
    fact: str | None


class OperationOut(BaseModel):
    name: str = Field(examples=["Channel"])
    name_ru: str
    subject: str
    since: int
    permanent_since: int | None
    source: SourceOut
    stages_recorded: int


class StageOut(BaseModel):
    id: str = Field(examples=["stage-1"])
    operation: str
    name: str
    start: dt.date
    end: dt.date
    participants: list[str]
    observers: list[str]
    recorded_by: str
    recorded_at: dt.datetime
    results: list[dict[str, Any]]


class SumsOut(BaseModel):
    seizures_kg: dict[str, float]
    detentions: int
    resources_blocked: int


class TotalsOut(SumsOut):
    year: int
    operation: str
    stages: list[str]
    by_member: dict[str, SumsOut]
