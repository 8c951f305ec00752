"""The covering programme behind force matching, assembled for scipy.optimize.milp (HiGHS).

The model is documented in :mod:`accord.forces.matching.exact`; this module builds its sparse rows,
one binary column per eligible (unit, requirement) pair, and reads the answers back.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from accord.forces.matching.eligibility import PledgedUnit, Requirement

Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]
Matrix = Any  # a scipy.sparse.csr_array: scipy has no type stubs


@dataclass(frozen=True)
class CoverProblem:
    pair_unit: Ints
    pair_requirement: Ints
    pair_strength: Ints
    pair_days: Ints
    pair_state: Ints
    needed: Ints  # personnel per requirement; 0 for a requirement left out
    state_count: int

    @classmethod
    def build(
        cls,
        units: Sequence[PledgedUnit],
        requirements: Sequence[Requirement],
        pairs: Sequence[tuple[int, int]],
    ) -> CoverProblem:
        states = sorted({unit.state for unit in units})
        pair_unit = np.array([u for u, _ in pairs], dtype=np.int64)
        return cls(
            pair_unit=pair_unit,
            pair_requirement=np.array([r for _, r in pairs], dtype=np.int64),
            pair_strength=np.array([units[u].strength for u in pair_unit], dtype=np.int64),
            pair_days=np.array([units[u].days_to_deploy for u in pair_unit], dtype=np.int64),
            pair_state=np.array([states.index(units[u].state) for u in pair_unit], dtype=np.int64),
            needed=np.array([r.strength for r in requirements], dtype=np.int64),
            state_count=len(states),
        )

    @property
    def size(self) -> int:
        return len(self.pair_unit)

    def keeping(self, keep: Mask) -> CoverProblem:
        """The same problem with only the kept pairs: the others are fixed at zero."""
        return replace(
            self,
            pair_unit=self.pair_unit[keep],
            pair_requirement=self.pair_requirement[keep],
            pair_strength=self.pair_strength[keep],
            pair_days=self.pair_days[keep],
            pair_state=self.pair_state[keep],
        )

    def for_requirements(self, wanted: set[int]) -> CoverProblem:
        needed = np.array([n if r in wanted else 0 for r, n in enumerate(self.needed)])
        kept = self.keeping(np.isin(self.pair_requirement, sorted(wanted)))
        return replace(kept, needed=needed.astype(np.int64))

    def loads(self, chosen: Mask) -> Ints:
        """The personnel each state sends by the chosen pairs."""
        return _sums(self.pair_state[chosen], self.pair_strength[chosen], self.state_count)

    def cover(self, chosen: Mask) -> Ints:
        """The personnel each requirement gets by the chosen pairs."""
        return _sums(self.pair_requirement[chosen], self.pair_strength[chosen], len(self.needed))

    def rows(self, by: Ints, values: Ints | None = None, height: int | None = None) -> Matrix:
        """A row per value of ``by`` (per pair), holding ``values`` (1 by default) per pair."""
        data = np.ones(self.size) if values is None else values.astype(float)
        shape = (int(by.max(initial=-1)) + 1 if height is None else height, self.size)
        return sparse.csr_array((data, (by, np.arange(self.size))), shape=shape)


def _sums(by: Ints, values: Ints, length: int) -> Ints:
    return np.bincount(by, weights=values, minlength=length).astype(np.int64)


@dataclass(frozen=True)
class Solved:
    chosen: Mask | None  # per pair; None when infeasible or nothing was found in time
    proven: bool  # the optimum (or the infeasibility) is proven
    seconds: float
    bound: int | None = None  # HiGHS's proven lower bound on the objective, rounded up


def solve(
    problem: CoverProblem,
    cost: NDArray[np.float64],
    rows: Sequence[tuple[Matrix, float | Ints, float | Ints]],
    *,
    extra_integers: int = 0,
    time_limit: float | None = None,
) -> Solved:
    """Minimise ``cost`` over the binary pair columns and ``extra_integers`` non-negative
    integer columns after them, under the covering rows (each requirement gets its personnel,
    each unit serves once) and the ``rows`` given as (matrix, lower, upper) on all columns."""
    started = time.perf_counter()
    width = problem.size + extra_integers
    _, unit_row = np.unique(problem.pair_unit, return_inverse=True)
    base = [
        (problem.rows(problem.pair_requirement, problem.pair_strength, len(problem.needed)),
         problem.needed, np.inf),
        (problem.rows(unit_row.astype(np.int64)), -np.inf, 1.0),
    ]  # fmt: skip
    constraints = [
        LinearConstraint(_widened(matrix, width), lower, upper)
        for matrix, lower, upper in [*base, *rows]
    ]
    integrality = np.ones(width)  # integers all: HiGHS then rounds its bounds up
    upper_bounds = np.r_[np.ones(problem.size), np.full(extra_integers, np.inf)]
    options: dict[str, float | bool] = {"mip_rel_gap": 0.0, "disp": False}
    if time_limit is not None:
        options["time_limit"] = time_limit
    result = milp(
        cost,
        integrality=integrality,
        bounds=Bounds(np.zeros(width), upper_bounds),
        constraints=constraints,
        options=options,
    )
    chosen = None if result.x is None else np.asarray(result.x[: problem.size]) > 0.5
    dual = getattr(result, "mip_dual_bound", None)
    # The objective is integral: a bound just above an integer (by solver tolerance) is that one.
    bound = (
        None
        if dual is None or not np.isfinite(dual)
        else int(np.ceil(dual - 1e-6 * max(1.0, abs(dual))))
    )
    return Solved(chosen, result.status in (0, 2), time.perf_counter() - started, bound)


def _widened(matrix: Matrix, width: int) -> Matrix:
    if matrix.shape[1] == width:
        return matrix
    padding = sparse.csr_array((matrix.shape[0], width - matrix.shape[1]))
    return sparse.hstack([matrix, padding], format="csr")
