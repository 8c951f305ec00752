"""The API's shapes for the standing operations, their stages and results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from accord.edge.schemas import CommandBody, body_of
from accord.operations import commands as cmd
from accord.rules.bounds import States


@body_of(
    cmd.RecordOperationStage,
    path=("operation",),
    examples=[
        {
            "name": "Channel-Arax",
            "start": "2023-05-22",
            "end": "2023-05-26",
            "participants": ["ARM", "RUS"],
            "observers": ["UNODC"],
        }
    ],
)
class StageIn(CommandBody):
    # A client names the participants; a scenario may leave them to the results recorded.
    participants: States


@body_of(
    cmd.RecordOperationResults,
    path=("stage",),
    examples=[
        {
            "state": "ARM",
            "seizures": {"heroin": 12.5, "hashish": 40.0},
            "detentions": 31,
            "resources_blocked": 0,
        }
    ],
)
class ResultsIn(CommandBody):
    pass


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
