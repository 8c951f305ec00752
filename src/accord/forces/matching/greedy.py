"""The greedy baseline the exact matching is measured against.

Requirements are served by ``needed_by`` (earliest first, then as given); each takes the free
eligible units by arrival, the larger first on the same day, until it has its personnel. It is
fast and often good, but a unit taken early may be the only one a later requirement could use.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from accord.forces.matching.eligibility import Order, PledgedUnit, Requirement, eligible_pairs
from accord.forces.matching.proposal import Proposal, proposal_from_pairs


def greedy(
    units: Sequence[PledgedUnit], requirements: Sequence[Requirement], order: Order
) -> Proposal | None:
    """The greedy proposal (never marked optimal), or None when it leaves a requirement short."""
    started = time.perf_counter()
    candidates: dict[int, list[int]] = {r: [] for r in range(len(requirements))}
    for u, r in eligible_pairs(units, requirements, order):
        candidates[r].append(u)
    taken: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for r in sorted(candidates, key=lambda r: requirements[r].needed_by):
        covered = 0
        for u in sorted(candidates[r], key=lambda u: (units[u].days_to_deploy, -units[u].strength)):
            if covered >= requirements[r].strength:
                break
            if u not in taken:
                taken.add(u)
                chosen.append((u, r))
                covered += units[u].strength
        if covered < requirements[r].strength:
            return None
    return proposal_from_pairs(
        units, requirements, chosen, optimal=False, solve_seconds=time.perf_counter() - started
    )
