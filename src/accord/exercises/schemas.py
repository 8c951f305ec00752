"""The API's shapes for exercise plans and exercises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from accord.cases.schemas import ON_BEHALF_OF

STATE = r"^[A-Za-z]{3}$"
#: Beyond any exercise the collective forces ever held; keeps numbers inside a database integer.
MOST_TROOPS = 10_000_000
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

    name: str = Field(max_length=200, examples=["Interaction-2022"])
    kind: str = Field(max_length=40, description="interaction, search, echelon, cobalt...")
    host: str = Field(pattern=STATE, examples=["KAZ"])
    start: dt.date
    end: dt.date
    troop_cap: int = Field(le=MOST_TROOPS, description="Most troops taking part (positive)")
    participants: list[str] = Field(default_factory=list, max_length=50)
    units: list[str] = Field(default_factory=list, max_length=200, description="Unit ids")
    venue: str = Field("", max_length=200)


class ProposePlanIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"year": 2022, "exercises": [INTERACTION_2022]}]},
    )

    year: int = Field(ge=1992, le=2100, examples=[2022])
    exercises: list[PlannedExerciseIn] = Field(max_length=50)
    on_behalf_of: str | None = ON_BEHALF_OF


class AdoptPlanIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"decision": "draft-7"}]}
    )

    decision: str = Field(max_length=40, description="The adopted draft decision (exercise_plan)")
    on_behalf_of: str | None = ON_BEHALF_OF


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

    change: str = Field(
        max_length=40, description="venue_moved, format_reduced, dates_moved or cancelled_by_host"
    )
    reason: str = Field(max_length=2000)
    host: str | None = Field(None, pattern=STATE)
    venue: str | None = Field(None, max_length=200)
    start: dt.date | None = None
    end: dt.date | None = None
    troop_cap: int | None = Field(None, le=MOST_TROOPS)
    on_behalf_of: str | None = ON_BEHALF_OF


class LessonsIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "the command posts linked up within two hours"}]},
    )

    text: str = Field(max_length=20000)
    on_behalf_of: str | None = ON_BEHALF_OF


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
