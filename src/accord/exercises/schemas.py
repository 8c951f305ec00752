"""The API's shapes for exercise plans and exercises."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from pydantic.config import JsonDict

from accord.edge.schemas import CommandBody, body_of
from accord.edge.views import view_of
from accord.exercises import commands as cmd
from accord.exercises.model import Exercise, ExercisePlan
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


@view_of(Exercise, exclude=("changes", "lessons"))
class ExerciseOut(BaseModel):
    """An exercise as a list shows it: its changes and lessons are the detail's."""

    id: str = Field(examples=["exercise-1"])
    status: str = Field(examples=["adopted"])
    kind_title: str


class ExerciseDetailOut(ExerciseOut):
    trains: str
    sources: list[str]
    changes: list[dict[str, Any]]
    lessons: list[dict[str, Any]]


@view_of(ExercisePlan)
class PlanOut(BaseModel):
    id: str = Field(examples=["plan-2022-1"])
    # The plan keeps its exercises' ids; the reader is shown the exercises.
    exercises: list[ExerciseOut]
