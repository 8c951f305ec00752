"""The annual plan: the Joint Staff proposes it, a decision of the competent body adopts it."""

from __future__ import annotations

import datetime as dt

from accord.bodies.handlers import get_draft
from accord.exercises import commands as cmd
from accord.exercises import events as ev
from accord.exercises.checks import checked_plan
from accord.exercises.model import ADOPTED, EXERCISES, ExercisePlan
from accord.forces.model import UNITS
from accord.kernel.errors import found
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.service.actors import require_one_of
from accord.service.call import Call

JOINT_STAFF = "JOINT_STAFF"
#: The decision kind a body's charter powers name for the annual plan.
EXERCISE_PLAN = "exercise_plan"


def joint_staff_acts(context: Call, because: Because, doing: str) -> bool:
    """The Joint Staff plans the exercises of the collective forces (treaty-facts (c))."""
    if not require_one_of(context, because, {JOINT_STAFF}, doing):
        return False
    return context.rulebook.require_body(JOINT_STAFF, because) is not None


def member_throughout(
    context: Call, state: str, start: dt.date, end: dt.date, because: Because, doing: str
) -> bool:
    """A member in good standing on the first day and still one on the last."""
    if not require_member(context.world.rulebook(start), state, because, doing):
        return False
    last = context.world.rulebook(end)
    return last.is_member(state) or require_member(last, state, because, doing)


def propose_exercise_plan(command: cmd.ProposeExercisePlan, context: Call) -> Ruling:
    """The Joint Staff proposes a year's exercises; they take effect once a decision adopts them."""
    planned = checked_plan(command, context.world[UNITS])
    because = context.because("propose_exercise_plan")
    if not joint_staff_acts(context, because, "proposing the annual exercise plan"):
        return because.ruling()
    calendar = context.world[EXERCISES]
    adopted = [p.id for p in calendar.plans_of(command.year) if p.status == ADOPTED]
    if adopted:
        because.refuse(
            f"the {command.year} plan is already adopted ({adopted[0]}): change its "
            "exercises instead of proposing another plan"
        )
    for exercise in planned:
        member_throughout(
            context, exercise.host, exercise.start, exercise.end, because, "host an exercise"
        )
        for state in exercise.participants:
            if state != exercise.host:
                require_member(
                    context.world.rulebook(exercise.start), state, because, "take part in it"
                )
    if because.refused:
        return because.ruling()
    plan_id = f"plan-{command.year}-{len(calendar.plans_of(command.year)) + 1}"
    context.emit(ev.ExercisePlanProposed(plan_id, command.year, context.actor.id, context.at))
    first = len(calendar.exercises) + 1
    ids = [f"exercise-{first + n}" for n in range(len(planned))]
    for exercise_id, e in zip(ids, planned, strict=True):
        context.emit(
            ev.ExerciseScheduled(
                exercise_id,
                plan_id,
                e.name,
                e.kind,
                e.host,
                e.venue,
                e.start,
                e.end,
                e.troop_cap,
                e.participants,
                e.units,
                context.at,
            )
        )
    names = ", ".join(e.name for e in planned)
    because.note(f"proposed for {command.year}: {names}; a decision of the body adopts them")
    return because.ruling(plan=plan_id, exercises=ids)


def adopt_exercise_plan(command: cmd.AdoptExercisePlan, context: Call) -> Ruling:
    """The plan takes effect by an adopted decision of the body deciding on exercise plans."""
    plan = get_plan(context, command.plan)
    draft = get_draft(context, command.decision)
    because = context.because("adopt_exercise_plan")
    deciders = {JOINT_STAFF, "chair", "secretary_general", draft.body}
    if not require_one_of(context, because, deciders, "recording the plan's adoption"):
        return because.ruling()
    body = context.world.charter().bodies[draft.body]
    power = body.decides_on(EXERCISE_PLAN, (draft.closed_at or context.at).date())
    if plan.status == ADOPTED:
        because.refuse(f"{plan.id} was adopted on {plan.adopted_at:%Y-%m-%d} by {plan.decision}")
    elif draft.kind != EXERCISE_PLAN:
        kind = draft.kind.replace("_", " ")
        because.refuse(f"{draft.id} is a decision on {kind}, not on an exercise plan")
    elif draft.outcome is None or not draft.adopted:
        outcome = draft.outcome or "still open"
        because.refuse(f"{draft.id} is {outcome}: only an adopted decision puts a plan into effect")
    elif power is None:
        because.refuse(f"the {body.name} does not decide on exercise plans")
    elif used := [p.id for p in context.world[EXERCISES].plans.values() if p.decision == draft.id]:
        because.refuse(f"{draft.id} already put {used[0]} into effect")
    if because.refused or power is None:
        return because.ruling()
    because.note(f"the {body.name} decides on the exercise plan ({draft.id})", power.source)
    if draft.standing_aside:
        because.note(f"{', '.join(draft.standing_aside)} stood aside: not bound to take part in it")
    context.emit(
        ev.ExercisePlanAdopted(plan.id, draft.id, body.id, draft.standing_aside, context.at)
    )
    return because.ruling(plan=plan.id, decision=draft.id)


def get_plan(context: Call, plan_id: str) -> ExercisePlan:
    return found(context.world[EXERCISES].plans, "exercise plan", plan_id)
