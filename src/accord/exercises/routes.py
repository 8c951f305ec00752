"""The exercises API: annual plans, their adoption, changes with reasons, lessons learned."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import PageDep, RecordId, Year, page
from accord.exercises import views
from accord.exercises.model import EXERCISES
from accord.exercises.schemas import (
    AdoptPlanIn,
    ChangeIn,
    ExerciseDetailOut,
    ExerciseOut,
    LessonsIn,
    PlanOut,
    ProposePlanIn,
)

plans_router = APIRouter(prefix="/exercise-plans", tags=["exercises"], responses=PROBLEMS)
router = APIRouter(prefix="/exercises", tags=["exercises"], responses=PROBLEMS)
CREATED = PLAIN
PLAN_CREATED = created(
    "exercise_plan", "GET /exercise-plans/{plan_id}", "POST /exercise-plans/{plan_id}/adoption"
)


@plans_router.get("", response_model=list[PlanOut])
async def list_plans(
    accord: AccordDep, principal: PrincipalDep, query: PageDep, year: Year = None
) -> Any:
    """Every annual plan, proposed or adopted, with its exercises, a page at a time."""
    return page(query, views.plans(accord.world[EXERCISES], year), _id, by_id=False)


@plans_router.get("/{plan_id}", response_model=PlanOut)
async def read_plan(plan_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One annual plan: who proposed it, the decision that adopted it, its exercises."""
    calendar = accord.world[EXERCISES]
    if plan_id not in calendar.plans:
        raise HTTPException(404, f"exercise plan {plan_id!r} does not exist")
    return views.plan_view(calendar, calendar.plans[plan_id])


@plans_router.post("", status_code=201, responses=PLAN_CREATED)
async def propose_exercise_plan(body: ProposePlanIn, send: SendDep) -> Any:
    """The Joint Staff proposes a year's exercises."""
    return await send(body.command(), body.on_behalf_of)


@plans_router.post("/{plan_id}/adoption", status_code=201, responses=CREATED)
async def adopt_exercise_plan(plan_id: RecordId, body: AdoptPlanIn, send: SendDep) -> Any:
    """The plan takes effect by the competent body's adopted decision (the CDM's, in the CSTO)."""
    return await send(body.command(plan=plan_id), body.on_behalf_of)


@router.get("", response_model=list[ExerciseOut])
async def list_exercises(
    accord: AccordDep, principal: PrincipalDep, query: PageDep, year: Year = None
) -> Any:
    """Exercises in date order, whatever their plan's status, a page at a time."""
    return page(query, views.exercises(accord.world[EXERCISES], year), _id, by_id=False)


def _id(view: dict[str, Any]) -> str:
    return str(view["id"])


@router.get("/{exercise_id}", response_model=ExerciseDetailOut)
async def read_exercise(exercise_id: RecordId, accord: AccordDep, principal: PrincipalDep) -> Any:
    """One exercise (by id or by name) with its dated changes and lessons learned."""
    return views.exercise_detail(accord.world[EXERCISES].find(exercise_id))


@router.post("/{exercise_id}/changes", status_code=201, responses=CREATED)
async def change_exercise(exercise_id: RecordId, body: ChangeIn, send: SendDep) -> Any:
    """The Joint Staff moves, reduces or reschedules an exercise; its host may cancel it."""
    return await send(body.command(exercise=exercise_id), body.on_behalf_of)


@router.post("/{exercise_id}/lessons", status_code=201, responses=CREATED)
async def record_lessons(exercise_id: RecordId, body: LessonsIn, send: SendDep) -> Any:
    """The Joint Staff records what an exercise taught, once it is over."""
    return await send(body.command(exercise=exercise_id), body.on_behalf_of)
