"""A proposed set of units for the requirements, with the three figures it is judged by."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accord.forces.matching.eligibility import PledgedUnit, Requirement


@dataclass(frozen=True)
class Proposal:
    """Units per requirement id, and the figures compared lexicographically (smaller is better).

    ``latest_arrival`` is in days after the order (the largest ``days_to_deploy`` assigned, 0
    when nothing is assigned); ``largest_state_share`` the most personnel any one state sends
    in all; ``total_strength`` the personnel committed. ``optimal`` is False for the greedy
    baseline and for an exact search cut short by its time limit.
    """

    assignment: dict[str, list[str]]
    latest_arrival: int
    largest_state_share: int
    total_strength: int
    optimal: bool
    solve_seconds: float
    stage_seconds: tuple[float, ...] = field(default=(), compare=False)
    #: Proven lower bounds on the three figures, each given the earlier figures as found
    #: (equal to them when optimal); None for the greedy baseline.
    bounds: tuple[int, int, int] | None = field(default=None, compare=False)

    @property
    def objectives(self) -> tuple[int, int, int]:
        return (self.latest_arrival, self.largest_state_share, self.total_strength)


def proposal_from_pairs(
    units: Sequence[PledgedUnit],
    requirements: Sequence[Requirement],
    chosen: Iterable[tuple[int, int]],
    *,
    optimal: bool,
    solve_seconds: float,
    stage_seconds: tuple[float, ...] = (),
    bounds: tuple[int, int, int] | None = None,
) -> Proposal:
    """The proposal made of (unit index, requirement index) pairs; its figures are recomputed
    from the pairs rather than taken from a solver, whose values carry tolerances."""
    assignment: dict[str, list[int]] = {requirement.id: [] for requirement in requirements}
    by_state: dict[str, int] = {}
    for u, r in sorted(chosen):
        assignment[requirements[r].id].append(u)
        by_state[units[u].state] = by_state.get(units[u].state, 0) + units[u].strength
    assigned = [u for members in assignment.values() for u in members]
    return Proposal(
        assignment={rid: [units[u].id for u in members] for rid, members in assignment.items()},
        latest_arrival=max((units[u].days_to_deploy for u in assigned), default=0),
        largest_state_share=max(by_state.values(), default=0),
        total_strength=sum(units[u].strength for u in assigned),
        optimal=optimal,
        solve_seconds=solve_seconds,
        stage_seconds=stage_seconds,
        bounds=bounds,
    )
