"""Local search that gives the exact stages 2 and 3 a good answer to beat.

HiGHS proves stage 1 at once but, on thousands of units, may find its first good answer to
stages 2 and 3 late or not within the time limit. Starting from a valid assignment, this search
takes moves that keep every requirement covered and each unit serving once:

* release a unit its requirement can spare;
* replace a unit by a free one eligible for the same requirement, or by several of other states;
* let a unit serving elsewhere take a unit's place, its own taken by a free unit unless spared.

A move is taken when it lowers the stage's ``Measure`` of the states' personnel; the search
stops at a local optimum or the deadline. It proves nothing: its answer is an incumbent the exact
stage must beat (:mod:`accord.forces.matching.exact`).
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray

from accord.forces.matching.cover_model import CoverProblem, Ints, Mask
from accord.forces.matching.measures import Key, Measure, lower_key


class _Assignment:
    def __init__(self, problem: CoverProblem, chosen: Mask) -> None:
        self.problem = problem
        _, self.pair_unit = np.unique(problem.pair_unit, return_inverse=True)
        units = int(self.pair_unit.max(initial=-1)) + 1
        self.strength = np.zeros(units, dtype=np.int64)
        self.state = np.zeros(units, dtype=np.int64)
        self.strength[self.pair_unit] = problem.pair_strength
        self.state[self.pair_unit] = problem.pair_state
        self.requirement_pairs = [
            np.flatnonzero(problem.pair_requirement == r) for r in range(len(problem.needed))
        ]
        self.serving = np.full(units, -1, dtype=np.int64)  # the pair each unit serves by
        self.serving[self.pair_unit[chosen]] = np.flatnonzero(chosen)
        self.cover = problem.cover(chosen)
        self.load = problem.loads(chosen)

    def chosen(self) -> Mask:
        mask = np.zeros(self.problem.size, dtype=bool)
        mask[self.serving[self.serving >= 0]] = True
        return mask

    def spare(self, requirement: int) -> int:
        return int(self.cover[requirement] - self.problem.needed[requirement])

    def assign(self, unit: int, pair: int) -> None:
        """Move ``unit`` to serve by ``pair`` (-1: release it)."""
        old = self.serving[unit]
        if old >= 0:
            self.cover[self.problem.pair_requirement[old]] -= self.strength[unit]
            self.load[self.state[unit]] -= self.strength[unit]
        if pair >= 0:
            self.cover[self.problem.pair_requirement[pair]] += self.strength[unit]
            self.load[self.state[unit]] += self.strength[unit]
        self.serving[unit] = pair

    def free_units(self, requirement: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """The pairs of ``requirement`` whose unit serves nowhere, and those units."""
        pairs = self.requirement_pairs[requirement]
        units = self.pair_unit[pairs]
        free = self.serving[units] < 0
        return pairs[free], units[free]


def improve(problem: CoverProblem, chosen: Mask, measure: Measure, deadline: float) -> Mask:
    """A locally better assignment than ``chosen`` (a valid one), by the moves above."""
    assignment = _Assignment(problem, chosen)
    while time.perf_counter() < deadline and _sweep(assignment, measure, deadline):
        pass
    return assignment.chosen()


def _sweep(a: _Assignment, measure: Measure, deadline: float) -> bool:
    """Try each serving unit once, from the heaviest states' down; whether any move was taken."""
    heaviest_first = np.argsort(-a.load[a.state], kind="stable")
    moved = False
    for unit in heaviest_first.tolist():
        if time.perf_counter() > deadline:
            break
        if a.serving[unit] < 0:
            continue
        current = measure(a.load[np.newaxis, :])[0]
        moved = (
            _release(a, unit, measure, current)
            or _replace(a, unit, measure, current)
            or _hand_over(a, unit, measure, current)
            or _replace_by_several(a, unit, measure, current)
            or moved
        )
    return moved


def _release(a: _Assignment, unit: int, measure: Measure, current: Key) -> bool:
    requirement = a.problem.pair_requirement[a.serving[unit]]
    if a.spare(requirement) < a.strength[unit]:
        return False
    after = a.load.copy()
    after[a.state[unit]] -= a.strength[unit]
    if not lower_key(measure(after[np.newaxis, :])[0], current):
        return False
    a.assign(unit, -1)
    return True


def _replace(a: _Assignment, unit: int, measure: Measure, current: Key) -> bool:
    """Replace ``unit`` by the free unit for its requirement that lowers the measure most."""
    requirement = a.problem.pair_requirement[a.serving[unit]]
    pairs, units = a.free_units(requirement)
    fits = a.spare(requirement) - a.strength[unit] + a.strength[units] >= 0
    best = _best_newcomer(a, pairs[fits], units[fits], unit, measure, current)
    if best is None:
        return False
    a.assign(unit, -1)
    a.assign(int(a.pair_unit[best]), best)
    return True


def _hand_over(a: _Assignment, unit: int, measure: Measure, current: Key) -> bool:
    """Let a unit serving elsewhere take ``unit``'s place, a free unit taking its own."""
    requirement = a.problem.pair_requirement[a.serving[unit]]
    for candidate in a.requirement_pairs[requirement].tolist():
        other = int(a.pair_unit[candidate])
        elsewhere = a.serving[other]
        if elsewhere < 0:
            continue
        old_requirement = a.problem.pair_requirement[elsewhere]
        if old_requirement == requirement:
            continue
        if a.spare(requirement) - a.strength[unit] + a.strength[other] < 0:
            continue
        if a.spare(old_requirement) >= a.strength[other]:
            after = a.load.copy()
            after[a.state[unit]] -= a.strength[unit]
            if lower_key(measure(after[np.newaxis, :])[0], current):
                a.assign(unit, -1)
                a.assign(other, candidate)  # its old requirement can spare it
                return True
        pairs, units = a.free_units(old_requirement)
        fits = a.spare(old_requirement) - a.strength[other] + a.strength[units] >= 0
        best = _best_newcomer(a, pairs[fits], units[fits], unit, measure, current)
        if best is not None:
            a.assign(unit, -1)
            a.assign(other, candidate)
            a.assign(int(a.pair_unit[best]), best)
            return True
    return False


def _replace_by_several(a: _Assignment, unit: int, measure: Measure, current: Key) -> bool:
    """Replace ``unit`` by free units of other states, from the least loaded state's largest,
    as many as it takes."""
    requirement = a.problem.pair_requirement[a.serving[unit]]
    pairs, units = a.free_units(requirement)
    others = a.state[units] != a.state[unit]
    pairs, units = pairs[others], units[others]
    order = np.lexsort((-a.strength[units], a.load[a.state[units]]))
    missing = a.strength[unit] - a.spare(requirement)
    enough = np.searchsorted(np.cumsum(a.strength[units[order]]), missing) + 1
    if enough < 2 or enough > len(order):
        return False  # one would do (a plain replacement), or all would not
    taken = order[:enough]
    after = a.load.copy()
    after[a.state[unit]] -= a.strength[unit]
    np.add.at(after, a.state[units[taken]], a.strength[units[taken]])
    if not lower_key(measure(after[np.newaxis, :])[0], current):
        return False
    a.assign(unit, -1)
    for pair, newcomer in zip(pairs[taken].tolist(), units[taken].tolist(), strict=True):
        a.assign(newcomer, pair)
    return True


def _best_newcomer(
    a: _Assignment, pairs: Ints, units: Ints, leaving: int, measure: Measure, current: Key
) -> int | None:
    """Of the pairs bringing in ``units`` as ``leaving`` goes, the one lowering the measure most."""
    if not len(pairs):
        return None
    after = np.repeat(a.load[np.newaxis, :], len(pairs), axis=0)
    after[:, a.state[leaving]] -= a.strength[leaving]
    after[np.arange(len(pairs)), a.state[units]] += a.strength[units]
    keys = measure(after)
    best = int(np.lexsort((keys[:, 1], keys[:, 0]))[0])
    return int(pairs[best]) if lower_key(keys[best], current) else None
