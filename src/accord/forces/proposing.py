"""A case's force proposal: its stated requirements against the units pledged today.

The bridge from the records to the matching: which units count (pledged to a formation that
carries out the adopted measure, from a member that did not stand aside), and when each is
busy (deployed on a case, or taking part in an exercise).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from accord.bodies.model import BODIES
from accord.forces.matching.eligibility import Caveat, CaveatKind, Order, PledgedUnit, Requirement
from accord.forces.missions import MISSIONS, TRAINING
from accord.forces.model import REQUIREMENTS, UNITS
from accord.kernel.errors import NotFound

if TYPE_CHECKING:
    from accord.forces.matching.proposal import Proposal
    from accord.forces.matching.shortfall import Shortfall
    from accord.service.world import World

#: Which formations carry out which adopted measure: peacekeeping by the peacekeeping forces
#: (PKA-2007 Art. 3); assistance and deployments by the combat formations.
PEACEKEEPING = frozenset({"collective_peacekeeping_forces"})
COMBAT = frozenset(
    {
        "collective_rapid_reaction_forces",
        "collective_rapid_deployment_forces_central_asia",
        "regional_grouping_east_european",
        "regional_grouping_caucasus",
    }
)
#: A deployment's end is not known in advance: its units are busy until they come home.
UNTIL_HOME = dt.date.max
#: Seconds each stage of the exact search may take in a request: on thousands of units the
#: balancing stages may not be proven optimal in time, and the proposal then says so with the
#: proven bounds beside its figures (README, Forces and means).
STAGE_SECONDS = 5.0


def formations_for(measures: set[str]) -> frozenset[str]:
    chosen: set[str] = set()
    if "peacekeeping_operation" in measures:
        chosen |= PEACEKEEPING
    if measures & {"assistance_military", "deployment"}:
        chosen |= COMBAT
    return frozenset(chosen)


def force_proposal(world: World, case_id: str, order_day: dt.date) -> Proposal | Shortfall:
    """The best set of pledged units for the case's requirements, or why there is none."""
    stated = world[REQUIREMENTS].get(case_id)
    if stated is None:
        raise NotFound(f"no requirements have been stated for {case_id!r}")
    missions = world.port(MISSIONS)
    case = missions.find(world, case_id)
    formations = formations_for(set(case.adopted.values()))
    standing_aside = world[BODIES].standing_aside(case.adopted)
    members = set(world.rulebook(order_day).members())
    busy: dict[str, list[tuple[dt.date, dt.date]]] = {
        unit: list(windows) for unit, windows in world.port(TRAINING)(world).items()
    }
    for unit_id, (_, deployed_at) in missions.away(world).items():
        start = (deployed_at or dt.datetime.min).date()
        busy.setdefault(unit_id, []).append((start, UNTIL_HOME))
    units = [
        PledgedUnit(
            unit.id,
            unit.state,
            frozenset(unit.capabilities),
            unit.strength,
            unit.readiness_days,
            unit.available_from or unit.pledged_at.date(),
            unit.available_until,
            tuple(
                Caveat(CaveatKind(kind), frozenset(states)) for kind, states in unit.caveats.items()
            ),
            tuple(busy.get(unit.id, ())),
        )
        for unit in world[UNITS].values()
        if unit.pledged
        and unit.formation in formations
        and unit.state in members
        and unit.state not in standing_aside
    ]
    parties = frozenset(stated.parties_to_dispute)
    requirements = [
        Requirement(r.id, r.capability, r.strength, r.needed_by, r.where, parties)
        for r in stated.requirements
    ]
    from accord.forces.matching.exact import match  # the solver: loaded at the first proposal

    return match(units, requirements, Order(order_day), time_limit=STAGE_SECONDS)
