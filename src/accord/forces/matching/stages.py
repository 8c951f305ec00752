"""Stages 2 and 3 of the exact matching (:mod:`accord.forces.matching.exact`): each is searched
for a good answer, then proven by its MILP, and a neighbourhood search takes the time left."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from accord.forces.matching.cover_model import CoverProblem, Solved
from accord.forces.matching.local_search import improve
from accord.forces.matching.measures import Measure
from accord.forces.matching.neighbourhoods import Focus, PartSolver, improve_by_parts

#: Of each stage's time limit: the share its local search may take first (with no time limit,
#: its seconds), and the share by which the MILP stops, leaving the rest to the neighbourhood
#: search (none without a time limit: its answer depends on the time). The searches only find
#: incumbents; the MILP proves.
SEARCH_SHARE = 0.25
SEARCH_SECONDS = 1.0
MILP_SHARE = 0.6


@dataclass(frozen=True)
class Stage:
    """How stage 2 or 3 is judged, searched and proven."""

    measure: Measure  # for the searches
    value: Callable[[NDArray[np.bool_]], int]  # the figure the stage minimises
    known_bound: int  # proven beforehand
    milp: Callable[[float | None], Solved]  # the stage's MILP, with a time limit
    part: PartSolver  # the MILP on a few requirements, the rest held
    focus: Focus  # the requirements a neighbourhood starts from


@dataclass(frozen=True)
class Answer:
    chosen: NDArray[np.bool_]
    value: int
    bound: int  # proven: no assignment (given the earlier stages) does better
    seconds: float

    @property
    def proven(self) -> bool:
        return self.value <= self.bound


def search_then_prove(
    problem: CoverProblem, start: NDArray[np.bool_], stage: Stage, time_limit: float | None
) -> Answer:
    """Local search from ``start``, then the stage's MILP; the better answer is kept, and if the
    MILP is cut short by the time limit, the neighbourhood search takes the time left."""
    started = time.perf_counter()
    search_seconds = SEARCH_SECONDS if time_limit is None else SEARCH_SHARE * time_limit
    chosen = improve(problem, start, stage.measure, started + search_seconds)
    bound = stage.known_bound
    if stage.value(chosen) > bound:
        spent = time.perf_counter() - started
        milp_seconds = None if time_limit is None else max(MILP_SHARE * time_limit - spent, 0.1)
        found = stage.milp(milp_seconds)
        if found.chosen is not None and stage.value(found.chosen) < stage.value(chosen):
            chosen = found.chosen
        if found.proven:
            bound = stage.value(chosen)  # the MILP's optimum, or the search's answer as good
        elif found.bound is not None:
            bound = max(bound, found.bound)
    if time_limit is not None and stage.value(chosen) > bound:
        deadline = started + time_limit
        chosen = improve_by_parts(problem, chosen, stage.measure, stage.part, stage.focus, deadline)
    return Answer(chosen, stage.value(chosen), bound, time.perf_counter() - started)
