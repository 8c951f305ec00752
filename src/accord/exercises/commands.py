"""What the Joint Staff, a body or a host may ask of the exercise plans."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field

from accord.kernel.messages import Command
from accord.rules.bounds import (
    MAX_PLANNED_EXERCISES,
    Day,
    Key,
    Label,
    Name,
    Personnel,
    Reason,
    State,
    States,
    Text,
    UnitIds,
    Year,
)


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of an annual plan, as the Joint Staff proposes it."""

    # A planned exercise is nested in the plan's request body: its fields' descriptions are
    # pydantic's, where the body's own come from their comments (accord.edge.schemas).
    name: Name
    kind: Annotated[Key, Field(description="interaction, search, echelon, cobalt...")]
    host: State
    start: Day
    end: Day
    troop_cap: Annotated[Personnel, Field(description="Most troops taking part (positive)")]
    participants: Annotated[
        States, Field(description="Member states taking part (the host always does, named or not)")
    ] = ()
    units: Annotated[
        UnitIds, Field(description="Pledged units (ids of the forces registry) that train in it")
    ] = ()
    venue: Annotated[
        Label, Field(description="The training ground or town, when the plan names one")
    ] = ""

    def to_dict(self) -> dict[str, Any]:
        plain = dataclasses.asdict(self)
        return {
            **plain,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "participants": list(self.participants),
            "units": list(self.units),
        }


@dataclass(frozen=True)
class ProposeExercisePlan(Command):
    year: Year
    #: A year's plan: a few exercises, never hundreds.
    exercises: Annotated[tuple[PlannedExercise, ...], Field(max_length=MAX_PLANNED_EXERCISES)]

    def to_dict(self) -> dict[str, Any]:
        # The journal keeps plain JSON: each planned exercise as a mapping.
        return {"year": self.year, "exercises": [e.to_dict() for e in self.exercises]}


@dataclass(frozen=True)
class AdoptExercisePlan(Command):
    plan: Key
    #: The draft decision (exercise_plan), closed and adopted, that puts the plan into effect.
    decision: Key


@dataclass(frozen=True)
class ChangeExercise(Command):
    """A dated change with its reason; only the values the change is about are given."""

    exercise: Key
    #: venue_moved, format_reduced, dates_moved or cancelled_by_host.
    change: Key
    reason: Reason = ""
    host: State | None = None
    venue: Name | None = None
    start: Day | None = None
    end: Day | None = None
    troop_cap: Personnel | None = None


@dataclass(frozen=True)
class RecordLessons(Command):
    exercise: Key
    text: Text
