"""The API's shapes for exercise plans and exercises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field
from pydantic.config import JsonDict

from accord.edge.schemas import CommandBody, body_of
from accord.exercises import commands as cmd
from accord.rules.bounds import Reason

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


@body_of(cmd.ProposeExercisePlan, examples=[{"year": 2022, "exercises": [INTERACTION_2022]}])
class ProposePlanIn(CommandBody):
    pass


@body_of(cmd.AdoptExercisePlan, path=("plan",), examples=[{"decision": "draft-7"}])
class AdoptPlanIn(CommandBody):
    pass


@body_of(
    cmd.ChangeExercise,
    path=("exercise",),
    examples=[
        {
            "change": "format_reduced",
            "reason": "the pandemic: the number of troops minimised",
            "troop_cap": 500,
        }
    ],
)
class ChangeIn(CommandBody):
    # A client gives the reason for every change; a scenario may leave it to the history.
    reason: Reason


@body_of(
    cmd.RecordLessons,
    path=("exercise",),
    examples=[{"text": "the command posts linked up within two hours"}],
)
class LessonsIn(CommandBody):
    pass


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
