"""Use cases of an exercise: change it with a reason, record what was learned from it."""

from __future__ import annotations

from accord.exercises import commands as cmd
from accord.exercises import events as ev
from accord.exercises.checks import checked_change
from accord.exercises.model import ADOPTED, CANCELLED, EXERCISES, Exercise
from accord.exercises.planning import (
    JOINT_STAFF,
    adopt_exercise_plan,
    joint_staff_acts,
    member_throughout,
    propose_exercise_plan,
)
from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Command
from accord.rules.ruling import Because, Ruling
from accord.service.call import Call


def change_exercise(command: cmd.ChangeExercise, context: Call) -> Ruling:
    """A dated change with its reason; a host may cancel an exercise on its own territory."""
    exercise = context.world[EXERCISES].find(command.exercise)
    change = checked_change(command, exercise)
    because = context.because("change_exercise")
    if not _may_change(context, exercise, change.change, because):
        return because.ruling()
    if exercise.status == CANCELLED:
        because.refuse(f"{exercise.name} was cancelled by its host: it is not changed any more")
    elif exercise.has_ended(context.day):
        because.refuse(
            f"{exercise.name} ended on {exercise.end}: it is not changed afterwards; "
            "record its lessons instead"
        )
    else:
        _check_change(context, exercise, change, because)
    if because.refused:
        return because.ruling()
    context.emit(
        ev.ExerciseChanged(
            exercise.id,
            change.change,
            change.reason,
            context.actor.id,
            context.at,
            change.host,
            change.venue,
            change.start,
            change.end,
            change.troop_cap,
        )
    )
    because.note(f"{exercise.name}: {change.change.replace('_', ' ')} ({change.reason})")
    return because.ruling(exercise=exercise.id)


def _may_change(context: Call, exercise: Exercise, change: str, because: Because) -> bool:
    """The Joint Staff plans and changes exercises; only the host cancels on its territory."""
    actor = context.actor
    if change == "cancelled_by_host" and actor.role == "state" and actor.state == exercise.host:
        return True
    if change == "cancelled_by_host" and actor.id != JOINT_STAFF:
        because.refuse(
            f"only {exercise.host}, the host, cancels {exercise.name} on its territory "
            f"(or the Joint Staff records it); not {actor.id}"
        )
        return False
    return joint_staff_acts(context, because, f"a {change.replace('_', ' ')} change")


def _check_change(
    context: Call, exercise: Exercise, change: cmd.ChangeExercise, because: Because
) -> None:
    if change.change == "format_reduced" and (change.troop_cap or 0) >= exercise.troop_cap:
        because.refuse(
            f"a reduced format has fewer troops than the {exercise.troop_cap} planned, "
            f"not {change.troop_cap}"
        )
        return
    new = {"host": change.host, "venue": change.venue, "start": change.start, "end": change.end}
    if change.change in ("venue_moved", "dates_moved") and all(
        value is None or value == getattr(exercise, name) for name, value in new.items()
    ):
        because.refuse(
            f"the {change.change.replace('_', ' ')} change leaves {exercise.name} as it is"
        )
        return
    host = change.host or exercise.host
    start, end = change.start or exercise.start, change.end or exercise.end
    if change.change != "cancelled_by_host":
        member_throughout(context, host, start, end, because, f"host {exercise.name}")


def record_lessons(command: cmd.RecordLessons, context: Call) -> Ruling:
    """What the exercise taught, recorded by the Joint Staff once it is over."""
    exercise = context.world[EXERCISES].find(command.exercise)
    if not command.text.strip():
        raise InvalidInput("text", "the lessons learned, in words")
    because = context.because("record_lessons")
    if not joint_staff_acts(context, because, "recording lessons learned"):
        return because.ruling()
    if exercise.status == CANCELLED:
        because.refuse(f"{exercise.name} was cancelled by its host: it taught nothing")
    elif exercise.status != ADOPTED:
        because.refuse(f"{exercise.name} is in a plan no decision adopted ({exercise.plan_id})")
    elif not exercise.has_ended(context.day):
        because.refuse(f"{exercise.name} ends on {exercise.end}: lessons are recorded after it")
    else:
        context.emit(
            ev.ExerciseLessonsRecorded(
                exercise.id, command.text.strip(), context.actor.id, context.at
            )
        )
    return because.ruling(exercise=exercise.id)


COMMAND_HANDLERS: dict[type[Command], object] = {
    cmd.ProposeExercisePlan: propose_exercise_plan,
    cmd.AdoptExercisePlan: adopt_exercise_plan,
    cmd.ChangeExercise: change_exercise,
    cmd.RecordLessons: record_lessons,
}
