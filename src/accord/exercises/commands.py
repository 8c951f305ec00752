"""What the Joint Staff, a body or a host may ask of the exercise plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from accord.kernel.messages import Command


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of an annual plan, as the Joint Staff proposes it."""

    name: str
    kind: str
    host: str
    start: dt.date
    end: dt.date
    troop_cap: int
    #: Member states taking part (the host always does, named or not).
    participants: tuple[str, ...] = ()
    #: Pledged units (ids of the forces registry) that train in it.
    units: tuple[str, ...] = ()
    #: The training ground or town, when the plan names one.
    venue: str = ""

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
    year: int
    exercises: tuple[PlannedExercise, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # The journal keeps plain JSON: each planned exercise as a mapping.
        return {"year": self.year, "exercises": [e.to_dict() for e in self.exercises]}


@dataclass(frozen=True)
class AdoptExercisePlan(Command):
    plan: str
    #: The draft decision, closed and adopted, that puts the plan into effect.
    decision: str


@dataclass(frozen=True)
class ChangeExercise(Command):
    """A dated change with its reason; only the values the change is about are given."""

    exercise: str
    change: str
    reason: str = ""
    host: str | None = None
    venue: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    troop_cap: int | None = None


@dataclass(frozen=True)
class RecordLessons(Command):
    exercise: str
    text: str
