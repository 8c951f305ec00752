"""Read models of the exercise plans: plans with their exercises, and one exercise's history."""

from __future__ import annotations

from typing import Any

from accord.adapters.documents import to_document
from accord.exercises.kinds import EXERCISE_KINDS
from accord.exercises.model import Calendar, Exercise, ExercisePlan


def exercise_summary(exercise: Exercise) -> dict[str, Any]:
    """The exercise with its kind's title (its changes and lessons are the detail's)."""
    kind = EXERCISE_KINDS.get(exercise.kind)
    return {**to_document(exercise), "kind_title": kind.title if kind else exercise.kind}


def exercise_detail(exercise: Exercise) -> dict[str, Any]:
    """The exercise as it stands now, every dated change (before and after) and its lessons."""
    kind = EXERCISE_KINDS.get(exercise.kind)
    return {
        **exercise_summary(exercise),
        "trains": kind.trains if kind else "",
        "sources": list(kind.refs) if kind else [],
    }


def plan_view(calendar: Calendar, plan: ExercisePlan) -> dict[str, Any]:
    return {
        **to_document(plan),
        "exercises": [exercise_summary(calendar.exercises[i]) for i in plan.exercises],
    }


def plans(calendar: Calendar, year: int | None = None) -> list[dict[str, Any]]:
    return [
        plan_view(calendar, plan)
        for plan in calendar.plans.values()
        if year is None or plan.year == year
    ]


def exercises(calendar: Calendar, year: int | None = None) -> list[dict[str, Any]]:
    """Exercises in date order; a year selects those starting in it."""
    chosen = [e for e in calendar.exercises.values() if year is None or e.start.year == year]
    return [exercise_summary(e) for e in sorted(chosen, key=lambda e: (e.start, e.id))]
