"""Annual exercise plans and their exercises, with every change and lesson kept, dated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.exercises import events as ev
from accord.kernel.errors import InvalidInput, NotFound
from accord.kernel.messages import Event

PROPOSED, ADOPTED, CANCELLED = "proposed", "adopted", "cancelled"
#: The values a change may touch, in the order a change is told.
CHANGEABLE = ("host", "venue", "start", "end", "troop_cap")


@dataclass
class Change:
    change: str
    reason: str
    by: str
    at: dt.datetime
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass
class Lessons:
    text: str
    by: str
    at: dt.datetime


@dataclass
class Exercise:
    id: str
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
    status: str = PROPOSED
    changes: list[Change] = field(default_factory=list)
    lessons: list[Lessons] = field(default_factory=list)

    def has_ended(self, day: dt.date) -> bool:
        return day > self.end


@dataclass
class ExercisePlan:
    id: str
    year: int
    proposed_by: str
    proposed_at: dt.datetime
    exercises: list[str] = field(default_factory=list)
    status: str = PROPOSED
    decision: str | None = None
    decided_by: str | None = None
    adopted_at: dt.datetime | None = None
    standing_aside: tuple[str, ...] = ()


@dataclass
class Calendar:
    """Every exercise plan and every exercise, by id."""

    plans: dict[str, ExercisePlan] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)

    def plans_of(self, year: int) -> list[ExercisePlan]:
        return [plan for plan in self.plans.values() if plan.year == year]

    def find(self, reference: str) -> Exercise:
        """An exercise by id, or by its name ("Interaction-2020") when that names one."""
        if reference in self.exercises:
            return self.exercises[reference]
        named = [e for e in self.exercises.values() if e.name.lower() == reference.lower()]
        adopted = [e for e in named if self.plans[e.plan_id].status == ADOPTED]
        found = adopted if len(named) > 1 and adopted else named
        if not found:
            raise NotFound(f"exercise {reference!r} does not exist")
        if len(found) > 1:
            ids = ", ".join(e.id for e in found)
            raise InvalidInput("exercise", f"{reference!r} names several exercises ({ids})")
        return found[0]


def apply(calendar: Calendar, event: Event) -> bool:
    match event:
        case ev.ExercisePlanProposed():
            calendar.plans[event.plan_id] = ExercisePlan(
                event.plan_id, event.year, event.by, event.at
            )
        case ev.ExerciseScheduled():
            calendar.exercises[event.exercise_id] = Exercise(
                event.exercise_id,
                event.plan_id,
                event.name,
                event.kind,
                event.host,
                event.venue,
                event.start,
                event.end,
                event.troop_cap,
                event.participants,
                event.units,
            )
            calendar.plans[event.plan_id].exercises.append(event.exercise_id)
        case ev.ExercisePlanAdopted():
            _adopt(calendar, event)
        case ev.ExerciseChanged():
            _change(calendar.exercises[event.exercise_id], event)
        case ev.ExerciseLessonsRecorded():
            calendar.exercises[event.exercise_id].lessons.append(
                Lessons(event.text, event.by, event.at)
            )
        case _:
            return False
    return True


def _adopt(calendar: Calendar, event: ev.ExercisePlanAdopted) -> None:
    plan = calendar.plans[event.plan_id]
    plan.status, plan.decision, plan.decided_by = ADOPTED, event.draft_id, event.body
    plan.adopted_at, plan.standing_aside = event.at, event.standing_aside
    for exercise_id in plan.exercises:
        exercise = calendar.exercises[exercise_id]
        if exercise.status == PROPOSED:
            exercise.status = ADOPTED


def _change(exercise: Exercise, event: ev.ExerciseChanged) -> None:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in CHANGEABLE:
        new = getattr(event, name)
        if new is not None:
            before[name], after[name] = getattr(exercise, name), new
            setattr(exercise, name, new)
    if exercise.host not in exercise.participants:
        # The host always takes part in an exercise on its territory.
        exercise.participants = tuple(sorted({*exercise.participants, exercise.host}))
    if event.change == "cancelled_by_host":
        before["status"], after["status"] = exercise.status, CANCELLED
        exercise.status = CANCELLED
    exercise.changes.append(Change(event.change, event.reason, event.by, event.at, before, after))
