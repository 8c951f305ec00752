"""Annual exercise plans and their exercises, with every change and lesson kept, dated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from accord.exercises import events as ev
from accord.kernel.errors import InvalidInput, NotFound
from accord.kernel.messages import Event
from accord.service.contexts import Part

PROPOSED, ADOPTED, CANCELLED = "proposed", "adopted", "cancelled"
#: The values a change may touch, in the order a change is told.
CHANGEABLE = ("host", "venue", "start", "end", "troop_cap")


@dataclass(frozen=True)
class Change:
    change: str
    reason: str
    by: str
    at: dt.datetime
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(frozen=True)
class Lessons:
    text: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
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
    changes: tuple[Change, ...] = ()
    lessons: tuple[Lessons, ...] = ()

    def has_ended(self, day: dt.date) -> bool:
        return day > self.end


@dataclass(frozen=True)
class ExercisePlan:
    id: str
    year: int
    proposed_by: str
    proposed_at: dt.datetime
    exercises: tuple[str, ...] = ()
    status: str = PROPOSED
    decision: str | None = None
    decided_by: str | None = None
    adopted_at: dt.datetime | None = None
    standing_aside: tuple[str, ...] = ()


@dataclass(frozen=True)
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


def apply(calendar: Calendar, event: Event) -> Calendar | None:
    """The calendar after one event (new dicts; the old ones are left as they were, for
    readers of an older snapshot), or None when the event is not about exercises."""
    plans, exercises = calendar.plans, calendar.exercises
    match event:
        case ev.ExercisePlanProposed():
            plan = ExercisePlan(event.plan_id, event.year, event.by, event.at)
            return replace(calendar, plans={**plans, plan.id: plan})
        case ev.ExerciseScheduled():
            exercise = Exercise(
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
            plan = plans[event.plan_id]
            plan = replace(plan, exercises=(*plan.exercises, exercise.id))
            return Calendar({**plans, plan.id: plan}, {**exercises, exercise.id: exercise})
        case ev.ExercisePlanAdopted():
            return _adopt(calendar, event)
        case ev.ExerciseChanged():
            exercise = _change(exercises[event.exercise_id], event)
        case ev.ExerciseLessonsRecorded():
            exercise = exercises[event.exercise_id]
            lessons = Lessons(event.text, event.by, event.at)
            exercise = replace(exercise, lessons=(*exercise.lessons, lessons))
        case _:
            return None
    return replace(calendar, exercises={**exercises, exercise.id: exercise})


def _adopt(calendar: Calendar, event: ev.ExercisePlanAdopted) -> Calendar:
    plan = replace(
        calendar.plans[event.plan_id],
        status=ADOPTED,
        decision=event.draft_id,
        decided_by=event.body,
        adopted_at=event.at,
        standing_aside=event.standing_aside,
    )
    exercises = dict(calendar.exercises)
    for exercise_id in plan.exercises:
        if exercises[exercise_id].status == PROPOSED:
            exercises[exercise_id] = replace(exercises[exercise_id], status=ADOPTED)
    return Calendar({**calendar.plans, plan.id: plan}, exercises)


def _change(exercise: Exercise, event: ev.ExerciseChanged) -> Exercise:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in CHANGEABLE:
        new = getattr(event, name)
        if new is not None:
            before[name], after[name] = getattr(exercise, name), new
    changed = replace(exercise, **after)
    if changed.host not in changed.participants:
        # The host always takes part in an exercise on its territory.
        changed = replace(
            changed, participants=tuple(sorted({*changed.participants, changed.host}))
        )
    if event.change == "cancelled_by_host":
        before["status"], after["status"] = exercise.status, CANCELLED
        changed = replace(changed, status=CANCELLED)
    change = Change(event.change, event.reason, event.by, event.at, before, after)
    return replace(changed, changes=(*changed.changes, change))


EXERCISES: Part[Calendar] = Part("exercises", Calendar, apply)
