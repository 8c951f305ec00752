"""The API's shapes for the standing operations, their stages and results."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from accord.edge.schemas import CommandBody, body_of
from accord.edge.views import view_of
from accord.operations import commands as cmd
from accord.operations.catalog import StandingOperation
from accord.operations.model import Stage
from accord.rules.bounds import States
from accord.rules.sources import Source


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


@view_of(Source, exclude=("article", "instrument"))
class SourceOut(BaseModel):
    confidence: str


@view_of(StandingOperation)
class OperationOut(BaseModel):
    name: str = Field(examples=["Channel"])
    source: SourceOut
    stages_recorded: int


@view_of(Stage)
class StageOut(BaseModel):
    id: str = Field(examples=["stage-1"])
    # Each member's results as plain JSON, in a list (the stage keeps them by state).
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
