"""The API's shapes for exercise plans and exercises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from accord.cases.schemas import ON_BEHALF_OF
from accord.rules.bounds import (
    MAX_PLANNED_EXERCISES,
    Day,
    Key,
    Label,
    Name,
    Personnel,
    Reason,
    State,
    States,
    Text,
    UnitIds,
    Year,
)

INTERACTION_2022: JsonDict = {
    "name": "Interaction-2022",
    "kind": "interaction",
    "host": "KAZ",
    "start": "2022-09-26",
    "end": "2022-09-30",
    "troop_cap": 1500,
    "participants": ["KAZ", "KGZ", "RUS", "TJK"],
    "units": [],
}


class PlannedExerciseIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [INTERACTION_2022]})

    name: Name = Field(examples=["Interaction-2022"])
    kind: Key = Field(description="interaction, search, echelon, cobalt...")
    host: State = Field(examples=["KAZ"])
    start: Day
    end: Day
    troop_cap: Personnel = Field(description="Most troops taking part (positive)")
    participants: States = Field(default=())
    units: UnitIds = Field(default=(), description="Unit ids")
    venue: Label = ""


class ProposePlanIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"year": 2022, "exercises": [INTERACTION_2022]}]},
    )

    year: Year = Field(examples=[2022])
    exercises: list[PlannedExerciseIn] = Field(max_length=MAX_PLANNED_EXERCISES)
    on_behalf_of: Key | None = ON_BEHALF_OF


class AdoptPlanIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"decision": "draft-7"}]}
    )

    decision: Key = Field(description="The adopted draft decision (exercise_plan)")
    on_behalf_of: Key | None = ON_BEHALF_OF


class ChangeIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "change": "format_reduced",
                    "reason": "the pandemic: the number of troops minimised",
                    "troop_cap": 500,
                }
            ]
        },
    )

    change: Key = Field(description="venue_moved, format_reduced, dates_moved or cancelled_by_host")
    reason: Reason
    host: State | None = None
    venue: Name | None = None
    start: Day | None = None
    end: Day | None = None
    troop_cap: Personnel | None = None
    on_behalf_of: Key | None = ON_BEHALF_OF


class LessonsIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "the command posts linked up within two hours"}]},
    )

    text: Text
    on_behalf_of: Key | None = ON_BEHALF_OF


class ExerciseOut(BaseModel):
    id: str = Field(examples=["exercise-1"])
    plan_id: str
    name: str
    kind: str
    kind_title: str
    host: str
    venue: str
    start: dt.date
    end: dt.date
    troop_cap: int
    participants: list[str]
    units: list[str]
    status: str = Field(examples=["adopted"])


class ExerciseDetailOut(ExerciseOut):
    trains: str
    sources: list[str]
    changes: list[dict[str, Any]]
    lessons: list[dict[str, Any]]


class PlanOut(BaseModel):
    id: str = Field(examples=["plan-2022-1"])
    year: int
    proposed_by: str
    proposed_at: dt.datetime
    status: str
    decision: str | None
    decided_by: str | None
    adopted_at: dt.datetime | None
    standing_aside: list[str]
    exercises: list[ExerciseOut]
