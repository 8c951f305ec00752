"""The API's shapes for the forces: pledges, their changes, visits, a case's requirements."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from accord.edge.schemas import CommandBody, body_of
from accord.edge.views import view_of
from accord.forces import commands as cmd
from accord.forces.model import Unit
from accord.rules.bounds import MAX_REQUIREMENTS, Day, Key, Personnel, State


@body_of(
    cmd.PledgeUnit,
    examples=[
        {
            "unit": "31st air assault brigade",
            "strength": 1500,
            "kind": "brigade",
            "formation": "collective_rapid_reaction_forces",
            "readiness_days": 7,
            "capabilities": ["airborne", "reconnaissance"],
            "available_from": "2026-01-01",
            "caveats": {"not_on_party_territory": []},
        }
    ],
)
class PledgeIn(CommandBody):
    pass


@body_of(
    cmd.ChangePledge,
    path=("unit",),
    examples=[{"strength": 1200, "reason": "one company rotated out"}],
)
class ChangePledgeIn(CommandBody):
    pass


@body_of(cmd.WithdrawPledge, path=("unit",), examples=[{"reason": "needed at home"}])
class WithdrawPledgeIn(CommandBody):
    pass


@body_of(
    cmd.RecordVerificationVisit,
    path=("unit",),
    examples=[{"visited_on": "2026-03-02", "level": "level_2", "findings": "as pledged"}],
)
class VisitIn(CommandBody):
    pass


class RequirementIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, max_length=40)
    capability: Key = Field(examples=["engineers"])
    strength: Personnel
    needed_by: Day
    where: State


@body_of(
    cmd.StateRequirements,
    path=("case",),
    examples=[
        {
            "requirements": [
                {
                    "id": "R1",
                    "capability": "airborne",
                    "strength": 1500,
                    "needed_by": "2022-01-08",
                    "where": "KAZ",
                }
            ],
            "parties_to_dispute": [],
        }
    ],
)
class RequirementsIn(CommandBody):
    # The API asks more of the requirements than the command: one at least, each with all its
    # fields (a scenario's or the CLI's lacking one is refused by the handler, naming it).
    requirements: list[RequirementIn] = Field(min_length=1, max_length=MAX_REQUIREMENTS)


@view_of(Unit)
class UnitOut(BaseModel):
    # Nested records as plain JSON, as they were documented before the view was derived.
    visits: list[dict[str, Any]]
    history: list[Any]
    pledged: bool


class ProposedUnit(BaseModel):
    id: str
    state: str
    name: str
    strength: int
    days_to_deploy: int


class ProposalOut(BaseModel):
    """The units proposed per requirement and the figures they are judged by; or, when no set
    of units meets the requirements, why not. The Joint Staff decides; this only proposes."""

    case: str
    order_day: dt.date
    feasible: bool
    assignment: dict[str, list[ProposedUnit]] = Field(default_factory=dict)
    latest_arrival_days: int | None = None
    largest_state_share: int | None = None
    total_strength: int | None = None
    optimal: bool = Field(False, description="Every stage proven optimal within its time")
    proven_bounds: list[int] | None = Field(
        None, description="Proven lower bounds on the three figures, when not proven optimal"
    )
    shortfall: list[str] = Field(default_factory=list)
