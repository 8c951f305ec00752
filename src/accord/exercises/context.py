"""Joint exercises: the yearly plan, its adoption, changes and lessons, declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, JOINT_STAFF, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.exercises import availability, events, handlers, model
    from accord.exercises import commands as cmd
    from accord.forces.missions import TRAINING

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.EXERCISES,),
        provides={TRAINING: availability.exercise_busy_windows},
        roles={
            # The Joint Staff plans exercises; the plan takes effect by a body's decision, which the
            # Secretariat records too; a host's delegation may cancel an exercise on its territory.
            cmd.ProposeExercisePlan: frozenset({JOINT_STAFF, ADMIN}),
            cmd.AdoptExercisePlan: frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
            cmd.ChangeExercise: frozenset({JOINT_STAFF, DELEGATION, ADMIN}),
            cmd.RecordLessons: frozenset({JOINT_STAFF, ADMIN}),
        },
        open_records=frozenset({"exercise", "plan", "units"}),
        values=frozenset(
            {
                *("change", "end", "exercises", "host", "kind", "name", "participants", "reason"),
                *("start", "text", "troop_cap", "venue", "year"),
            }
        ),
    )


def storage() -> Storage:
    from accord.exercises import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.exercises import routes

    return routes.plans_router, routes.router


def cli() -> dict[str, Any]:
    from accord.exercises.cli import exercises_app

    return {"exercises": exercises_app}


CONTEXT = Context("exercises", core, storage, routers, cli)
