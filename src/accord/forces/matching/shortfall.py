"""Why no set of units meets the requirements: per requirement, then between requirements.

A requirement fails alone when its eligible units together have fewer personnel than it needs;
the units with the capability that are left out are counted per reason (a unit may have
several). Requirements that can each be met alone may still not be met together, because a
unit serves one requirement only: a minimal such group (none of whose requirements can be
left out) is named with the units its requirements share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from accord.forces.matching.cover_model import CoverProblem, solve
from accord.forces.matching.eligibility import (
    Exclusion,
    Order,
    PledgedUnit,
    Requirement,
    arrival,
    exclusions,
)


@dataclass(frozen=True)
class Shortage:
    requirement: str
    eligible_strength: int
    text: str


@dataclass(frozen=True)
class Competition:
    requirements: tuple[str, ...]
    shared_units: tuple[str, ...]  # eligible for more than one of the requirements
    text: str


@dataclass(frozen=True)
class Shortfall:
    shortages: tuple[Shortage, ...]
    competitions: tuple[Competition, ...]

    @property
    def lines(self) -> list[str]:
        return [s.text for s in self.shortages] + [c.text for c in self.competitions]


def describe(requirement: Requirement) -> str:
    r = requirement
    return f"{r.id} ({r.capability}, {r.strength} by {r.needed_by} in {r.where})"


def explain_shortfall(
    units: Sequence[PledgedUnit],
    requirements: Sequence[Requirement],
    order: Order,
    pairs: Sequence[tuple[int, int]],
    time_limit: float | None = None,
) -> Shortfall:
    """Why the requirements cannot all be met. ``time_limit`` bounds each test of whether a
    group can be met together; a test cut short counts as "cannot"."""
    eligible_strength = [0] * len(requirements)
    for u, r in pairs:
        eligible_strength[r] += units[u].strength
    shortages = [
        _shortage(units, requirement, order, eligible_strength[r])
        for r, requirement in enumerate(requirements)
        if eligible_strength[r] < requirement.strength
    ]
    coverable = {r for r, req in enumerate(requirements) if eligible_strength[r] >= req.strength}
    problem = CoverProblem.build(units, requirements, pairs)
    competitions = []
    for group in _groups_sharing_units(pairs, coverable):
        if len(group) > 1 and not _feasible(problem, group, time_limit):
            smallest = _smallest(problem, group, time_limit)
            competitions.append(_competition(units, requirements, pairs, smallest))
    return Shortfall(tuple(shortages), tuple(competitions))


def _shortage(
    units: Sequence[PledgedUnit], requirement: Requirement, order: Order, eligible: int
) -> Shortage:
    capable = [unit for unit in units if requirement.capability in unit.capabilities]
    left_out: dict[Exclusion, list[PledgedUnit]] = {reason: [] for reason in Exclusion}
    for unit in capable:
        for reason in exclusions(unit, requirement, order):
            left_out[reason].append(unit)
    late, unavailable = left_out[Exclusion.LATE], left_out[Exclusion.UNAVAILABLE]
    busy, caveat = left_out[Exclusion.BUSY], left_out[Exclusion.CAVEAT]
    reasons = []
    if not capable:
        reasons.append("no pledged unit has the capability")
    elif not any(left_out.values()):
        reasons.append("no unit with the capability is left out")
    if late:
        earliest = min(arrival(unit, order) for unit in late)
        which = "on" if len(late) == 1 else "the earliest on"
        verb = _verb(late, "arrives", "arrive")
        reasons.append(f"{_count(late)} {verb} too late ({which} {earliest})")
    if unavailable:
        verb = _verb(unavailable, "is", "are")
        reasons.append(f"{_count(unavailable)} {verb} not available for the whole period")
    if busy:
        reasons.append(f"{_count(busy)} {_verb(busy, 'is', 'are')} deployed or in an exercise")
    if caveat:
        whose = (
            "1 unit's caveat excludes"
            if len(caveat) == 1
            else f"{len(caveat)} units' caveats exclude"
        )
        reasons.append(f"{whose} {requirement.where}")
    text = (
        f"{describe(requirement)}: {eligible} personnel eligible, "
        f"{requirement.strength - eligible} short; {', '.join(reasons)}"
    )
    return Shortage(requirement.id, eligible, text)


def _count(units: list[PledgedUnit]) -> str:
    return "1 unit" if len(units) == 1 else f"{len(units)} units"


def _verb(units: list[PledgedUnit], one: str, many: str) -> str:
    return one if len(units) == 1 else many


def _groups_sharing_units(pairs: Sequence[tuple[int, int]], wanted: set[int]) -> list[list[int]]:
    """The wanted requirements, grouped when a unit is eligible for both (transitively): groups
    share no unit, so each can be met on its own or not at all."""
    parent = {r: r for r in wanted}

    def root(r: int) -> int:
        while parent[r] != r:
            r = parent[r]
        return r

    first_for_unit: dict[int, int] = {}
    for u, r in pairs:
        if r in wanted:
            parent[root(r)] = root(first_for_unit.setdefault(u, r))
    groups: dict[int, list[int]] = {}
    for r in sorted(wanted):
        groups.setdefault(root(r), []).append(r)
    return list(groups.values())


def _feasible(problem: CoverProblem, group: list[int], time_limit: float | None) -> bool:
    part = problem.for_requirements(set(group))
    return solve(part, np.zeros(part.size), [], time_limit=time_limit).chosen is not None


def _smallest(problem: CoverProblem, group: list[int], time_limit: float | None) -> list[int]:
    """A group that cannot be met together but can without any one of its requirements."""
    kept = list(group)
    for r in group:
        rest = [k for k in kept if k != r]
        if not _feasible(problem, rest, time_limit):
            kept = rest
    return kept


def _competition(
    units: Sequence[PledgedUnit],
    requirements: Sequence[Requirement],
    pairs: Sequence[tuple[int, int]],
    group: list[int],
) -> Competition:
    wanted_by: dict[int, int] = {}
    for u, r in pairs:
        if r in group:
            wanted_by[u] = wanted_by.get(u, 0) + 1
    shared = tuple(units[u].id for u in sorted(wanted_by) if wanted_by[u] > 1)
    needed = sum(requirements[r].strength for r in group)
    pooled = sum(units[u].strength for u in wanted_by)
    names = [describe(requirements[r]) for r in group]
    text = (
        f"{', '.join(names[:-1])} and {names[-1]} cannot all be met together, though each can "
        f"alone: they compete for {', '.join(shared)} (each unit serves one requirement); "
        f"together they need {needed} personnel, and their eligible units total {pooled}"
    )
    return Competition(tuple(requirements[r].id for r in group), shared, text)
