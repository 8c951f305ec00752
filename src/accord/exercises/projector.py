"""Exercise plans and exercises in the database, written again whenever an event touches them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.exercises import events as ev
from accord.exercises.model import EXERCISES
from accord.exercises.tables import exercise_plans, exercises
from accord.kernel.messages import Event
from accord.service.world import World


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    calendar = world[EXERCISES]
    plan_ids = {e.plan_id for e in events if isinstance(e, ev.ExercisePlanProposed)}
    exercise_ids: set[str] = set()
    for event in events:
        if isinstance(event, ev.ExercisePlanAdopted):
            plan_ids.add(event.plan_id)
            exercise_ids.update(calendar.plans[event.plan_id].exercises)
        elif isinstance(event, ev.ExerciseScheduled):
            plan_ids.add(event.plan_id)
            exercise_ids.add(event.exercise_id)
        elif isinstance(event, ev.ExerciseChanged | ev.ExerciseLessonsRecorded):
            exercise_ids.add(event.exercise_id)
    replace_rows(
        connection,
        exercise_plans,
        [
            {"id": p.id, "year": p.year, "status": p.status, "document": to_document(p)}
            for p in (calendar.plans[i] for i in sorted(plan_ids))
        ],
    )
    replace_rows(
        connection,
        exercises,
        [
            {
                "id": e.id,
                "plan_id": e.plan_id,
                "kind": e.kind,
                "host": e.host,
                "starts_on": e.start,
                "ends_on": e.end,
                "status": e.status,
                "document": to_document(e),
            }
            for e in (calendar.exercises[i] for i in sorted(exercise_ids))
        ],
    )
