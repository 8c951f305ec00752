"""The stages of force matching as mixed-integer programmes (the model: matching.exact).

Each takes the covering problem with only the pairs still allowed and returns HiGHS's answer;
the rows shared by every stage (each requirement covered, each unit serving once) are added by
:func:`accord.forces.matching.cover_model.solve`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from accord.forces.matching.cover_model import CoverProblem, Ints, Solved, solve


def any_cover(problem: CoverProblem, time_limit: float | None) -> Solved:
    """Some assignment meeting every requirement with these pairs (stage 1, one arrival day)."""
    return solve(problem, np.zeros(problem.size), [], time_limit=time_limit)


def state_rows(problem: CoverProblem) -> sparse.csr_array:
    return problem.rows(problem.pair_state, problem.pair_strength, problem.state_count)


def largest_share(problem: CoverProblem, chosen: NDArray[np.bool_]) -> int:
    return int(problem.loads(chosen).max(initial=0))


def personnel(problem: CoverProblem, chosen: NDArray[np.bool_]) -> int:
    return int(problem.pair_strength[chosen].sum())


def balanced(
    problem: CoverProblem,
    time_limit: float | None,
    *,
    fixed: Ints | None = None,
) -> Solved:
    """Stage 2: minimise M, every state's personnel at most M (M an integer column);
    ``fixed``: personnel per state already sent elsewhere, counted in every state's total."""
    share_column = -np.ones((problem.state_count, 1))
    by_state = sparse.hstack([state_rows(problem), share_column], format="csr")
    cost = np.r_[np.zeros(problem.size), 1.0]
    rows = [(by_state, -np.inf, 0.0 if fixed is None else -fixed)]
    return solve(problem, cost, rows, extra_integers=1, time_limit=time_limit)


def least_personnel(
    problem: CoverProblem,
    share: int,
    time_limit: float | None,
    *,
    fixed: Ints | None = None,
) -> Solved:
    """Stage 3: minimise the personnel committed, every state's at most ``share``; ``fixed``
    as for :func:`balanced`."""
    cost = problem.pair_strength.astype(float)
    rows = [(state_rows(problem), -np.inf, share if fixed is None else share - fixed)]
    return solve(problem, cost, rows, time_limit=time_limit)
