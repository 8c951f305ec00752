"""Large neighbourhood search: a few linked requirements re-solved exactly, the rest held.

Where the local search (:mod:`.local_search`) stops, a better answer needs several units moved
at once between requirements that share eligible units. Each step takes one requirement the
stage cares about (one the heaviest state serves; for personnel, one with personnel to spare)
and up to ``NEIGHBOURS`` requirements sharing units with it, frees their units, and lets the
stage's own MILP re-solve them with everything else held; the answer is kept when the stage's
measure is lower. A seeded choice, so runs differ only in how many steps the time allows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np
from scipy import sparse

from accord.forces.matching.cover_model import CoverProblem, Ints, Mask, Solved
from accord.forces.matching.local_search import improve
from accord.forces.matching.measures import Measure, lower

NEIGHBOURS = 3
STEP_SECONDS = 0.1  # per sub-problem: a few dozen pairs, proven or cut short
POLISH_SECONDS = 0.1  # of local search after a step that helped
#: (the freed part, personnel per state held elsewhere, seconds) -> the stage's MILP answer.
PartSolver = Callable[[CoverProblem, Ints, float], Solved]
#: (the assignment, personnel per state) -> the requirements worth freeing first.
Focus = Callable[[CoverProblem, Mask, Ints], Ints]


def heaviest_state(problem: CoverProblem, chosen: Mask, loads: Ints) -> Ints:
    """Stage 2: the requirements the state sending most personnel serves."""
    heaviest = chosen & (problem.pair_state == int(np.argmax(loads)))
    return np.unique(problem.pair_requirement[heaviest])


def with_spare(problem: CoverProblem, chosen: Mask, loads: Ints) -> Ints:
    """Stage 3: the requirements given more personnel than they need."""
    return np.flatnonzero(problem.cover(chosen) > problem.needed)


def improve_by_parts(
    problem: CoverProblem,
    chosen: Mask,
    measure: Measure,
    solve_part: PartSolver,
    focus: Focus,
    deadline: float,
) -> Mask:
    """A better assignment than ``chosen`` (a valid one), if one is found by the deadline."""
    rng = np.random.default_rng(0)
    linked = linked_requirements(problem)
    while time.perf_counter() + STEP_SECONDS < deadline:
        loads = problem.loads(chosen)
        candidates = focus(problem, chosen, loads)
        if not len(candidates):
            break
        first = int(rng.choice(candidates))
        others = np.setdiff1d(linked[first], [first])
        wanted = np.r_[first, rng.permutation(others)[:NEIGHBOURS]]
        tried = _re_solved(problem, chosen, wanted, solve_part)
        if tried is not None and lower(measure, problem.loads(tried), loads):
            polish_until = min(time.perf_counter() + POLISH_SECONDS, deadline)
            chosen = improve(problem, tried, measure, polish_until)
    return chosen


def _re_solved(
    problem: CoverProblem, chosen: Mask, wanted: Ints, solve_part: PartSolver
) -> Mask | None:
    in_part = np.isin(problem.pair_requirement, wanted)
    held = chosen & ~in_part
    kept = in_part & ~np.isin(problem.pair_unit, problem.pair_unit[held])
    needed = np.where(np.isin(np.arange(len(problem.needed)), wanted), problem.needed, 0)
    part = replace(problem.keeping(kept), needed=needed)
    found = solve_part(part, problem.loads(held), STEP_SECONDS)
    if found.chosen is None:
        return None
    answer = held.copy()
    answer[np.flatnonzero(kept)[found.chosen]] = True
    return answer


def linked_requirements(problem: CoverProblem) -> list[Ints]:
    """Per requirement, those sharing an eligible unit with it (itself included)."""
    _, unit_index = np.unique(problem.pair_unit, return_inverse=True)
    eligible = sparse.csr_array(
        (np.ones(problem.size), (problem.pair_requirement, unit_index)),
        shape=(len(problem.needed), int(unit_index.max(initial=-1)) + 1),
    )
    shared = (eligible @ eligible.T).tocsr()
    return [shared.indices[shared.indptr[r] : shared.indptr[r + 1]] for r in range(shared.shape[0])]
