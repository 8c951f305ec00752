"""Force matching: the pledged units that meet the Joint Staff's requirements, found exactly.

The model, for an independent re-solve (eligibility: :mod:`accord.forces.matching.eligibility`).

* Data. Units ``u`` with strength ``s_u`` (personnel), ``d_u`` days from the order to arrival
  and a state; requirements ``r`` with strength ``S_r``; ``E`` the eligible (u, r) pairs.
* Variables. One binary ``x[u,r]`` per pair of ``E`` only (1: u is sent to answer r).
* Constraints. Each unit serves at most one requirement: ``sum_r x[u,r] <= 1``. Each
  requirement gets its personnel: ``sum_u s_u x[u,r] >= S_r``.
* Stage 1, earliest arrival. ``T* = min max {d_u : x[u,r] = 1}``, the latest arrival in days
  after the order (0 if nothing is sent). Solved as: the least day ``T`` among the ``d_u`` at
  which the constraints with only the pairs ``d_u <= T`` have a solution, each day tested by a
  MILP with a zero objective, upwards from a proven lower bound (:mod:`.flow_bounds`). ``T*``
  is then fixed by dropping every pair with ``d_u > T*``.
* Stage 2, balanced contributions. ``M* = min M`` subject to
  ``sum_{u of state t, r} s_u x[u,r] <= M`` for every state ``t``: the most personnel any one
  state sends in all. ``M*`` is fixed as the right-hand side of those rows.
* Stage 3, no needless units. ``P* = min sum s_u x[u,r]``, the personnel committed.
* Ties left after stage 3 are settled by the local search or HiGHS: the same input gives
  the same assignment (unless a time limit cuts a stage short).

Every MILP runs in HiGHS (``scipy.optimize.milp``) with ``mip_rel_gap = 0``, all columns
integer (so HiGHS rounds its bounds up), and the figures are recomputed from the chosen pairs,
not read from the solver. (T*, M*, P*) is the lexicographic minimum over all assignments.

Stages 2 and 3 each start with a local search (:mod:`.local_search`) from the answer so far,
then run the MILP and keep the better answer; when a time limit cuts the MILP short, a
neighbourhood search (:mod:`.neighbourhoods`) re-solves a few linked requirements at a time with
the rest of the time. A time limit never leaves a stage worse than its searches. (HiGHS cannot
be handed the search's answer through scipy; a cutoff row below it was tried and slowed proofs.)

Size: stages 2 and 3 are partition and subset-sum problems in disguise (states' totals must
balance to the personnel, requirements be met with nothing to spare). On a few dozen units they
solve at once; on thousands the earliest arrival day leaves a pool with almost no slack, and
no solver tried (HiGHS, SCIP, CP-SAT) proves stage 2 in minutes on the benchmark's instance.
With ``time_limit`` a stage cut short keeps its best answer, the proposal says
``optimal=False``, and ``bounds`` gives what is proven.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial

import numpy as np
from numpy.typing import NDArray

from accord.forces.matching.cover_model import CoverProblem
from accord.forces.matching.eligibility import Order, PledgedUnit, Requirement, eligible_pairs
from accord.forces.matching.flow_bounds import least_arrival, least_share
from accord.forces.matching.measures import fewer_personnel, lower_largest
from accord.forces.matching.milp_stages import (
    any_cover,
    balanced,
    largest_share,
    least_personnel,
    personnel,
)
from accord.forces.matching.neighbourhoods import heaviest_state, with_spare
from accord.forces.matching.proposal import Proposal, proposal_from_pairs
from accord.forces.matching.shortfall import Shortfall, explain_shortfall
from accord.forces.matching.stages import Stage, search_then_prove


def match(
    units: Sequence[PledgedUnit],
    requirements: Sequence[Requirement],
    order: Order,
    *,
    time_limit: float | None = None,
) -> Proposal | Shortfall:
    """The best set of units by the model above, or why there is none.

    ``time_limit``: seconds for each MILP of stage 1 (one per arrival day tried) and for each
    of stages 2 and 3 (search and MILP together); None waits for the proof. If no assignment
    is found in time at any arrival day although one may exist, TimeoutError.
    """
    started = time.perf_counter()
    if not requirements:
        return proposal_from_pairs(
            units, requirements, [], optimal=True, solve_seconds=0.0, bounds=(0, 0, 0)
        )
    pairs = eligible_pairs(units, requirements, order)
    problem = CoverProblem.build(units, requirements, pairs)
    earliest = least_arrival(problem)
    if earliest is None:
        return explain_shortfall(units, requirements, order, pairs, time_limit)
    first = _earliest_arrival(problem, earliest, time_limit)
    if first is None:
        return explain_shortfall(units, requirements, order, pairs, time_limit)
    arrival, first_proven, first_seconds, chosen = first
    problem = problem.keeping(problem.pair_days <= arrival)
    second = search_then_prove(
        problem,
        chosen,
        Stage(
            measure=lower_largest,
            value=partial(largest_share, problem),
            known_bound=least_share(problem),
            milp=lambda limit: balanced(problem, limit),
            part=lambda part, fixed, limit: balanced(part, limit, fixed=fixed),
            focus=heaviest_state,
        ),
        time_limit,
    )
    share = second.value
    third = search_then_prove(
        problem,
        second.chosen,
        Stage(
            measure=fewer_personnel(share),
            value=partial(personnel, problem),
            known_bound=int(problem.needed.sum()),
            milp=lambda limit: least_personnel(problem, share, limit),
            part=lambda part, fixed, limit: least_personnel(part, share, limit, fixed=fixed),
            focus=with_spare,
        ),
        time_limit,
    )
    return proposal_from_pairs(
        units,
        requirements,
        zip(
            problem.pair_unit[third.chosen].tolist(),
            problem.pair_requirement[third.chosen].tolist(),
            strict=True,
        ),
        optimal=first_proven and second.proven and third.proven,
        solve_seconds=time.perf_counter() - started,
        stage_seconds=(first_seconds, second.seconds, third.seconds),
        bounds=(earliest if not first_proven else arrival, second.bound, third.bound),
    )


def _earliest_arrival(
    problem: CoverProblem, earliest: int, time_limit: float | None
) -> tuple[int, bool, float, NDArray[np.bool_]] | None:
    """The least arrival day with an assignment, whether that is proven, the seconds taken and
    the assignment (over the pairs arriving by then); None when no day has one, proven."""
    started, proven = time.perf_counter(), True
    for day in np.unique(problem.pair_days[problem.pair_days >= earliest]).tolist():
        found = any_cover(problem.keeping(problem.pair_days <= day), time_limit)
        if found.chosen is not None:
            return int(day), proven, time.perf_counter() - started, found.chosen
        proven = proven and found.proven
    if not proven:
        raise TimeoutError("no assignment found within the time limit")
    return None
