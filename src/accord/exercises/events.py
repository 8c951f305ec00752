"""What happened to the exercise plans and their exercises."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class ExercisePlanProposed(Event):
    creates = ("exercise_plan", "plan_id")

    plan_id: str
    year: int
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class ExerciseScheduled(Event):
    exercise_id: str
    plan_id: str
    name: str
    kind: str
    host: str
    venue: str
    start: dt.date
    end: dt.date
    troop_cap: int
    participants: tuple[str, ...]
    units: tuple[str, ...]
    at: dt.datetime


@dataclass(frozen=True)
class ExercisePlanAdopted(Event):
    plan_id: str
    draft_id: str
    body: str
    standing_aside: tuple[str, ...]
    at: dt.datetime


@dataclass(frozen=True)
class ExerciseChanged(Event):
    exercise_id: str
    change: str
    reason: str
    by: str
    at: dt.datetime
    host: str | None = None
    venue: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    troop_cap: int | None = None


@dataclass(frozen=True)
class ExerciseLessonsRecorded(Event):
    exercise_id: str
    text: str
    by: str
    at: dt.datetime
