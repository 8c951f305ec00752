"""The neighbourhood search: re-solving a few linked requirements keeps the assignment valid
and never makes it worse by the stage's measure; from a rough start it finds better ones."""

from __future__ import annotations

import time

import numpy as np
import pytest

from accord.forces.matching.cover_model import CoverProblem
from accord.forces.matching.eligibility import eligible_pairs
from accord.forces.matching.measures import fewer_personnel, lower, lower_largest
from accord.forces.matching.milp_stages import any_cover, balanced, largest_share, least_personnel
from accord.forces.matching.neighbourhoods import (
    heaviest_state,
    improve_by_parts,
    linked_requirements,
    with_spare,
)
from tests.unit.test_bench_matching import load_benchmark
from tests.unit.test_force_local_search import assert_valid, loads_of

SECONDS = 0.6


def balance(part: CoverProblem, fixed: np.ndarray, limit: float):
    return balanced(part, limit, fixed=fixed)


def trim_within(share: int):
    return lambda part, fixed, limit: least_personnel(part, share, limit, fixed=fixed)


@pytest.mark.slow
def test_re_solving_linked_requirements_lowers_the_largest_share_and_then_the_personnel():
    bench = load_benchmark()
    tried = shares_lowered = personnel_lowered = 0
    for seed in range(20):
        instance = bench.generate(300, 8, seed)
        pairs = eligible_pairs(instance.units, instance.requirements, instance.order)
        problem = CoverProblem.build(instance.units, instance.requirements, pairs)
        start = any_cover(problem, None).chosen
        if start is None or tried == 6:
            continue  # no assignment to improve (the matching tests cover shortfalls)
        tried += 1
        deadline = time.perf_counter() + SECONDS
        balanced_answer = improve_by_parts(
            problem, start, lower_largest, balance, heaviest_state, deadline
        )
        assert_valid(problem, balanced_answer)
        assert not lower(
            lower_largest, loads_of(problem, start), loads_of(problem, balanced_answer)
        )
        share = largest_share(problem, balanced_answer)
        shares_lowered += share < largest_share(problem, start)
        deadline = time.perf_counter() + SECONDS
        trimmed = improve_by_parts(
            problem,
            balanced_answer,
            fewer_personnel(share),
            trim_within(share),
            with_spare,
            deadline,
        )
        assert_valid(problem, trimmed)
        assert largest_share(problem, trimmed) <= share
        committed = problem.pair_strength[trimmed].sum()
        assert committed <= problem.pair_strength[balanced_answer].sum()
        personnel_lowered += committed < problem.pair_strength[balanced_answer].sum()
    assert tried == 6
    assert shares_lowered >= 4
    assert personnel_lowered >= 3


def test_linked_requirements_are_those_sharing_an_eligible_unit():
    bench = load_benchmark()
    instance = bench.generate(300, 8, 1)
    pairs = eligible_pairs(instance.units, instance.requirements, instance.order)
    problem = CoverProblem.build(instance.units, instance.requirements, pairs)
    linked = linked_requirements(problem)
    for r, others in enumerate(linked):
        units_of_r = set(problem.pair_unit[problem.pair_requirement == r].tolist())
        for s in range(len(problem.needed)):
            shares = bool(
                units_of_r & set(problem.pair_unit[problem.pair_requirement == s].tolist())
            )
            assert (s in set(np.asarray(others).tolist())) == shares, (r, s)
