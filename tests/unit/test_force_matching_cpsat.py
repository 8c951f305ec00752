"""Force matching: the MILP against an independent solver, on instances too large for brute force.

``test_force_matching`` checks ``match`` against a brute force, which only reaches a handful of
units. The claim for reviewers is wider: on instances that are not in the repository, and large
enough that a shortcut in the staged MILP (its flow bounds, local search or pair dropping) could
hide, ``match`` gives the same lexicographic optimum (latest arrival, largest state share,
personnel) as a different solver fed the plain model. That solver is Google OR-Tools CP-SAT,
which shares no code with HiGHS; the model below is written from the spec in the docstring of
:mod:`accord.forces.matching.exact`, with eligibility only from ``plainly_eligible``.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from ortools.sat.python import cp_model

from accord.forces.matching.eligibility import Caveat, CaveatKind, PledgedUnit, Requirement
from tests.unit.test_force_matching import START, check_match, day, plainly_eligible

STATES = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
CAPABILITIES = ["eng", "med", "log"]
SEEDS = range(40)


def medium_instance(seed: int) -> tuple[list[PledgedUnit], list[Requirement]]:
    """25–40 units from 4–6 states and 4–8 requirements, sized so that most can be met.

    Strengths go in tens, as personnel are pledged; with any integers a few instances make the
    balance stage (a partition problem) take minutes to prove, for HiGHS and CP-SAT alike."""
    rng = random.Random(seed)
    states = rng.sample(STATES, rng.randint(4, 6))
    units = []
    for index in range(rng.randint(25, 40)):
        state = rng.choice(states)
        caveats, roll = [], rng.random()
        if roll < 0.08:
            caveats.append(Caveat(CaveatKind.NOT_ON_PARTY_TERRITORY))
        elif roll < 0.13:
            caveats.append(Caveat(CaveatKind.NOT_IN, frozenset(rng.sample(STATES, 2))))
        elif roll < 0.16:
            caveats.append(Caveat(CaveatKind.ONLY_IN, frozenset({state, *rng.sample(STATES, 2)})))
        busy_from = rng.randint(-10, 25)
        units.append(
            PledgedUnit(
                f"{state}-{index:02d}",
                state,
                frozenset(rng.sample(CAPABILITIES, rng.randint(1, 2))),
                rng.randrange(20, 301, 10),
                rng.randint(0, 20),
                day(-30 if rng.random() < 0.93 else rng.randint(1, 5)),
                day(rng.randint(8, 40)) if rng.random() < 0.08 else None,
                tuple(caveats),
                ((day(busy_from), day(busy_from + rng.randint(2, 15))),)
                if rng.random() < 0.08
                else (),
            )
        )
    capabilities = [rng.choice(CAPABILITIES) for _ in range(rng.randint(4, 8))]
    requirements = []
    for index, capability in enumerate(capabilities):
        by = rng.randint(5, 25)
        # A share of the personnel with the capability that arrive in time, split among the
        # requirements for it: most instances can be met, a few cannot.
        supply = sum(
            u.strength for u in units if capability in u.capabilities and u.days_to_deploy <= by
        )
        share = supply / capabilities.count(capability) * rng.uniform(0.2, 0.7)
        where = rng.choice(STATES)
        requirements.append(
            Requirement(
                f"R{index}",
                capability,
                min(900, max(100, 10 * round(share / 10))),
                day(by),
                where,
                frozenset({where, *rng.sample(STATES, rng.randint(0, 1))}),
            )
        )
    return units, requirements


# -- CP-SAT, written plainly and independently of the module ------------------------------------


def _solve(
    model: cp_model.CpModel, objective: cp_model.IntVar
) -> tuple[cp_model.CpSolverStatus, int]:
    """The status of minimising ``objective`` and, when optimal, its least value (else -1)."""
    model.minimize(objective)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 30.0
    solver.parameters.random_seed = 2022
    status = solver.solve(model)
    return status, int(solver.value(objective)) if status == cp_model.OPTIMAL else -1


def cpsat_lexicographic(
    units: list[PledgedUnit], requirements: list[Requirement], start: dt.date
) -> tuple[int, int, int] | None:
    """The lexicographic minimum of (latest arrival, largest state share, personnel) found by
    CP-SAT in three stages, each fixed before the next; None when no assignment exists."""
    model = cp_model.CpModel()
    sent: dict[tuple[int, int], cp_model.IntVar] = {
        (u, r): model.new_bool_var(f"x_{u}_{r}")
        for u, unit in enumerate(units)
        for r, requirement in enumerate(requirements)
        if plainly_eligible(unit, requirement, start)
    }
    for u in range(len(units)):
        model.add(cp_model.LinearExpr.sum([x for (v, _), x in sent.items() if v == u]) <= 1)
    for r, requirement in enumerate(requirements):
        pairs = [(u, x) for (u, s), x in sent.items() if s == r]
        cover = cp_model.LinearExpr.weighted_sum(
            [x for _, x in pairs], [units[u].strength for u, _ in pairs]
        )
        model.add(cover >= requirement.strength)

    latest = model.new_int_var(0, max(u.days_to_deploy for u in units), "latest")
    for (u, _), x in sent.items():
        model.add(latest >= units[u].days_to_deploy * x)
    status, arrival = _solve(model, latest)
    if status == cp_model.INFEASIBLE:
        return None
    assert status == cp_model.OPTIMAL, "stage 1"
    model.add(latest <= arrival)

    total = sum(u.strength for u in units)
    largest = model.new_int_var(0, total, "largest")
    for state in {u.state for u in units}:
        mine = [(u, x) for (u, _), x in sent.items() if units[u].state == state]
        share = cp_model.LinearExpr.weighted_sum(
            [x for _, x in mine], [units[u].strength for u, _ in mine]
        )
        model.add(share <= largest)
    status, balance = _solve(model, largest)
    assert status == cp_model.OPTIMAL, "stage 2"
    model.add(largest <= balance)

    personnel = model.new_int_var(0, total, "personnel")
    model.add(
        personnel
        == cp_model.LinearExpr.weighted_sum(
            list(sent.values()), [units[u].strength for u, _ in sent]
        )
    )
    status, committed = _solve(model, personnel)
    assert status == cp_model.OPTIMAL, "stage 3"
    return arrival, balance, committed


@pytest.mark.slow
def test_the_milp_finds_the_cpsat_optimum_on_random_medium_instances() -> None:
    outcomes = {"proposal": 0, "shortfall": 0}
    for seed in SEEDS:
        units, requirements = medium_instance(seed)
        assert len(units) >= 25
        expected = cpsat_lexicographic(units, requirements, START)
        check_match(units, requirements, expected, outcomes, seed)
    assert outcomes["proposal"] >= 25, outcomes
    assert outcomes["shortfall"] >= 5, outcomes  # both sides are really exercised
