"""Exact lower bounds for force matching, from maximum flows with integer capacities.

Let units be split at will between requirements: what remains is a flow from the states,
through their units (capacity: the unit's strength), to the requirements they are eligible for,
each of which must receive its strength. No split assignment does better than this flow, so:

* no assignment arrives before the least arrival day at which the flow still meets every
  requirement;
* no assignment has a largest state share below the least integer cap on the states' edges at
  which the flow still meets every requirement;
* none commits fewer personnel than the requirements' total.

Capacities and flows are integers, so these bounds carry no rounding error.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import maximum_flow

from accord.forces.matching.cover_model import CoverProblem


def _network(problem: CoverProblem, state_cap: int) -> tuple[sparse.csr_array, int, int]:
    units, unit_node = np.unique(problem.pair_unit, return_inverse=True)
    unit_state = np.zeros(len(units), dtype=np.int64)
    unit_strength = np.zeros(len(units), dtype=np.int64)
    unit_state[unit_node] = problem.pair_state
    unit_strength[unit_node] = problem.pair_strength
    states, requirements = problem.state_count, len(problem.needed)
    first_unit, first_requirement = 1 + states, 1 + states + len(units)
    sink = first_requirement + requirements
    tails = np.r_[
        np.zeros(states, dtype=np.int64),
        1 + unit_state,
        first_unit + unit_node,
        first_requirement + np.arange(requirements),
    ]
    heads = np.r_[
        1 + np.arange(states),
        first_unit + np.arange(len(units)),
        first_requirement + problem.pair_requirement,
        np.full(requirements, sink),
    ]
    capacity = np.r_[
        np.full(states, state_cap), unit_strength, problem.pair_strength, problem.needed
    ]
    graph = sparse.csr_array(
        (capacity.astype(np.int32), (tails, heads)), shape=(sink + 1, sink + 1)
    )
    return graph, 0, sink


def meets_all(problem: CoverProblem, state_cap: int | None = None) -> bool:
    cap = min(int(problem.pair_strength.sum()) if state_cap is None else state_cap, 2**31 - 1)
    graph, source, sink = _network(problem, cap)
    return bool(maximum_flow(graph, source, sink).flow_value >= int(problem.needed.sum()))


def least_arrival(problem: CoverProblem) -> int | None:
    """The least arrival day (after the order) at which split units meet every requirement;
    None when even all eligible units do not."""
    days = np.unique(problem.pair_days)
    if not meets_all(problem):
        return None
    low, high = 0, len(days) - 1
    while low < high:
        middle = (low + high) // 2
        if meets_all(problem.keeping(problem.pair_days <= days[middle])):
            high = middle
        else:
            low = middle + 1
    return int(days[low]) if len(days) else 0


def least_share(problem: CoverProblem) -> int:
    """The least cap on every state's personnel at which split units meet every requirement
    (the problem must be coverable)."""
    low, high = 0, int(problem.needed.sum())
    while low < high:
        middle = (low + high) // 2
        if meets_all(problem, middle):
            high = middle
        else:
            low = middle + 1
    return low
