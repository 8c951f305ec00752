"""Read models of the forces: a unit with its history, for the API and the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from accord.adapters.documents import to_document
from accord.forces.matching.proposal import Proposal
from accord.forces.model import UNITS, Unit

if TYPE_CHECKING:
    from accord.forces.matching.shortfall import Shortfall
    from accord.service.world import World


def unit_detail(unit: Unit) -> dict[str, Any]:
    document: dict[str, Any] = to_document(unit)
    document["pledged"] = unit.pledged
    document["history"] = [{"at": at.isoformat(), "what": what} for at, what in unit.history]
    return document


def proposal_view(
    world: World, case_id: str, order_day: dt.date, found: Proposal | Shortfall
) -> dict[str, Any]:
    if not isinstance(found, Proposal):  # a Shortfall: its module loads the solver
        return {
            "case": case_id,
            "order_day": order_day,
            "feasible": False,
            "shortfall": found.lines,
        }
    return {
        "case": case_id,
        "order_day": order_day,
        "feasible": True,
        "assignment": {
            requirement: [
                {
                    "id": unit_id,
                    "state": world[UNITS][unit_id].state,
                    "name": world[UNITS][unit_id].name,
                    "strength": world[UNITS][unit_id].strength,
                    "days_to_deploy": world[UNITS][unit_id].readiness_days,
                }
                for unit_id in unit_ids
            ]
            for requirement, unit_ids in found.assignment.items()
        },
        "latest_arrival_days": found.latest_arrival,
        "largest_state_share": found.largest_state_share,
        "total_strength": found.total_strength,
        "optimal": found.optimal,
        "proven_bounds": list(found.bounds) if found.bounds else None,
    }
