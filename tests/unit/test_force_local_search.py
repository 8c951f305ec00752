"""The local search that gives the exact stages an incumbent: each move it takes keeps the
assignment valid and makes it better by the stage's own measure."""

from __future__ import annotations

import time

import numpy as np
import pytest

from accord.forces.matching.cover_model import CoverProblem, Mask
from accord.forces.matching.eligibility import PledgedUnit, Requirement, eligible_pairs
from accord.forces.matching.local_search import improve
from accord.forces.matching.measures import fewer_personnel, lower_largest
from accord.forces.matching.milp_stages import any_cover, largest_share, personnel
from tests.unit.test_force_matching import ORDER, random_instance, requirement, unit

FOREVER = 60.0


def problem_of(units: list[PledgedUnit], requirements: list[Requirement]) -> CoverProblem:
    return CoverProblem.build(units, requirements, eligible_pairs(units, requirements, ORDER))


def sent(problem: CoverProblem, units, requirements, chosen: Mask) -> dict[str, set[str]]:
    return {
        requirements[r].id: {units[u].id for u, rr in zip(
            problem.pair_unit[chosen].tolist(), problem.pair_requirement[chosen].tolist(),
            strict=True) if rr == r}
        for r in range(len(requirements))
    }  # fmt: skip


def loads_of(problem: CoverProblem, chosen: Mask) -> np.ndarray:
    """Personnel per state, counted plainly."""
    loads = np.zeros(problem.state_count, dtype=np.int64)
    for state, strength in zip(
        problem.pair_state[chosen], problem.pair_strength[chosen], strict=True
    ):
        loads[state] += strength
    return loads


def assert_valid(problem: CoverProblem, chosen: Mask) -> None:
    units = problem.pair_unit[chosen]
    assert len(units) == len(set(units.tolist())), "a unit serves twice"
    cover = np.bincount(
        problem.pair_requirement[chosen],
        weights=problem.pair_strength[chosen],
        minlength=len(problem.needed),
    )
    assert (cover >= problem.needed).all(), "a requirement is short"


def hand_made(*placed: tuple[PledgedUnit, int | None], requirements: list[Requirement]):
    """The problem and the assignment sending each unit to the requirement index given."""
    units = [u for u, _ in placed]
    problem = problem_of(units, requirements)
    chosen = np.zeros(problem.size, dtype=bool)
    for index, (_, target) in enumerate(placed):
        if target is not None:
            chosen |= (problem.pair_unit == index) & (problem.pair_requirement == target)
    assert_valid(problem, chosen)
    return units, problem, chosen


ENGINEERS, MEDICS = frozenset({"engineers"}), frozenset({"medical"})


def test_a_free_unit_of_a_lighter_state_replaces_one_of_the_heaviest():
    requirements = [requirement("R1"), requirement("R2")]
    units, problem, chosen = hand_made(
        (unit("RUS-1", "RUS"), 0), (unit("RUS-2", "RUS"), 1), (unit("KAZ-1", "KAZ"), None),
        requirements=requirements,
    )  # fmt: skip
    better = improve(problem, chosen, lower_largest, time.perf_counter() + FOREVER)
    assert_valid(problem, better)
    assert largest_share(problem, chosen) == 200
    assert largest_share(problem, better) == 100
    assert "KAZ-1" in set().union(*sent(problem, units, requirements, better).values())


def test_a_unit_serving_elsewhere_takes_over_and_a_free_unit_takes_its_place():
    requirements = [requirement("R1"), requirement("R2", capability="medical"), requirement("R3")]
    units, problem, chosen = hand_made(
        (unit("RUS-1", "RUS"), 0),
        (unit("RUS-2", "RUS"), 2),
        (unit("KAZ-1", "KAZ", capabilities=ENGINEERS | MEDICS), 1),
        (unit("ARM-1", "ARM", capabilities=MEDICS), None),
        requirements=requirements,
    )
    better = improve(problem, chosen, lower_largest, time.perf_counter() + FOREVER)
    assert_valid(problem, better)
    assert largest_share(problem, better) == 100
    placed = sent(problem, units, requirements, better)
    assert placed["R2"] == {"ARM-1"}
    assert "KAZ-1" in placed["R1"] | placed["R3"]


def test_one_unit_of_the_heaviest_state_is_replaced_by_several_of_others():
    requirements = [requirement("R1", strength=300)]
    units, problem, chosen = hand_made(
        (unit("RUS-1", "RUS", strength=300), 0),
        (unit("KAZ-1", "KAZ", strength=150), None),
        (unit("ARM-1", "ARM", strength=160), None),
        requirements=requirements,
    )
    better = improve(problem, chosen, lower_largest, time.perf_counter() + FOREVER)
    assert_valid(problem, better)
    assert sent(problem, units, requirements, better)["R1"] == {"KAZ-1", "ARM-1"}
    assert largest_share(problem, better) == 160


def test_a_unit_its_requirement_can_spare_is_released_within_the_cap():
    requirements = [requirement("R1", strength=150)]
    units, problem, chosen = hand_made(
        (unit("RUS-1", "RUS", strength=100), 0),
        (unit("KAZ-1", "KAZ", strength=100), 0),
        (unit("KAZ-2", "KAZ", strength=60), 0),
        requirements=requirements,
    )
    better = improve(problem, chosen, fewer_personnel(100), time.perf_counter() + FOREVER)
    assert_valid(problem, better)
    assert personnel(problem, better) == 160
    assert sent(problem, units, requirements, better)["R1"] == {"RUS-1", "KAZ-2"}


def test_nothing_better_leaves_the_assignment_as_it_was():
    requirements = [requirement("R1")]
    _, problem, chosen = hand_made(
        (unit("RUS-1", "RUS"), 0), (unit("KAZ-1", "KAZ", strength=300), None),
        requirements=requirements,
    )  # fmt: skip
    for better in (lower_largest, fewer_personnel(100)):
        after = improve(problem, chosen, better, time.perf_counter() + FOREVER)
        assert (after == chosen).all()


@pytest.mark.slow
def test_on_random_instances_every_answer_is_valid_and_no_worse():
    checked = improved = 0
    for seed in range(200):
        units, requirements = random_instance(seed)
        problem = problem_of(units, requirements)
        start = any_cover(problem, None).chosen if problem.size else None
        if start is None:
            continue  # no assignment to improve (the matching tests cover shortfalls)
        balanced = improve(problem, start, lower_largest, time.perf_counter() + FOREVER)
        assert_valid(problem, balanced)
        share = largest_share(problem, balanced)
        assert share <= largest_share(problem, start), seed
        trimmed = improve(problem, balanced, fewer_personnel(share), time.perf_counter() + FOREVER)
        assert_valid(problem, trimmed)
        assert largest_share(problem, trimmed) <= share, seed
        assert personnel(problem, trimmed) <= personnel(problem, balanced), seed
        checked += 1
        improved += personnel(problem, trimmed) < personnel(problem, start)
    assert checked >= 100  # both measures are really exercised
    assert improved >= 20
