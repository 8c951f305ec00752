"""The stages of force matching as mixed-integer programmes (the model: matching.exact).

Each takes the covering problem with only the pairs still allowed and returns HiGHS's answer;
the rows shared by every stage (each requirement covered, each unit serving once) are added by
:func:`accord.forces.matching.cover_model.solve`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from accord.forces.matching.cover_model import CoverProblem, Solved, solve


def any_cover(problem: CoverProblem, time_limit: float | None) -> Solved:
    """Some assignment meeting every requirement with these pairs (stage 1, one arrival day)."""
    return solve(problem, np.zeros(problem.size), [], time_limit=time_limit)


def state_rows(problem: CoverProblem) -> sparse.csr_array:
    return problem.rows(problem.pair_state, problem.pair_strength, problem.state_count)


def largest_share(problem: CoverProblem, chosen: NDArray[np.bool_]) -> int:
    return int((state_rows(problem) @ chosen.astype(float)).max(initial=0))


def personnel(problem: CoverProblem, chosen: NDArray[np.bool_]) -> int:
    return int(problem.pair_strength[chosen].sum())


def balanced(problem: CoverProblem, time_limit: float | None, *, below: int) -> Solved:
    """Stage 2: minimise M, every state's personnel at most M (M an integer column), looking
    only below ``below``, the share an incumbent has: infeasible and proven means it is best."""
    share_column = -np.ones((problem.state_count, 1))
    by_state = sparse.hstack([state_rows(problem), share_column], format="csr")
    cutoff = sparse.csr_array(np.r_[np.zeros(problem.size), 1.0][np.newaxis, :])
    cost = np.r_[np.zeros(problem.size), 1.0]
    rows = [(by_state, -np.inf, 0.0), (cutoff, -np.inf, below - 1)]
    return solve(problem, cost, rows, extra_integers=1, time_limit=time_limit)


def least_personnel(
    problem: CoverProblem, share: int, time_limit: float | None, *, below: int
) -> Solved:
    """Stage 3: minimise the personnel committed, every state's at most ``share``, looking only
    below ``below``, the personnel an incumbent commits."""
    cost = problem.pair_strength.astype(float)
    cutoff = sparse.csr_array(cost[np.newaxis, :])
    rows = [(state_rows(problem), -np.inf, share), (cutoff, -np.inf, below - 1)]
    return solve(problem, cost, rows, time_limit=time_limit)
