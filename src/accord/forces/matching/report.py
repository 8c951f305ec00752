"""A proposal as `accord forces match` shows it: lines for people, a dict for programs (--json).
Apart from the command, so that `accord` loads it and the solver only when a match is asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.forces.matching.eligibility import arrival
from accord.forces.matching.instance import Instance
from accord.forces.matching.proposal import Proposal
from accord.forces.matching.shortfall import describe

FIGURES = ("latest_arrival", "largest_state_share", "total_strength")


def proposal_dict(proposal: Proposal, instance: Instance) -> dict[str, Any]:
    units = {unit.id: unit for unit in instance.units}
    return {
        "assignment": {
            rid: [
                {
                    "unit": uid,
                    "state": units[uid].state,
                    "strength": units[uid].strength,
                    "arrives": str(arrival(units[uid], instance.order)),
                }
                for uid in uids
            ]
            for rid, uids in proposal.assignment.items()
        },
        **dict(zip(FIGURES, proposal.objectives, strict=True)),
        "optimal": proposal.optimal,
        "bounds": None
        if proposal.bounds is None
        else dict(zip(FIGURES, proposal.bounds, strict=True)),
        "solve_seconds": round(proposal.solve_seconds, 4),
    }


def proposal_lines(proposal: Proposal, instance: Instance) -> list[str]:
    units = {unit.id: unit for unit in instance.units}
    lines = []
    for requirement in instance.requirements:
        chosen = [units[uid] for uid in proposal.assignment[requirement.id]]
        lines.append(f"{describe(requirement)}: {sum(u.strength for u in chosen)} personnel")
        lines += [
            f"  {unit.id} ({unit.state}, {unit.strength}, arrives {arrival(unit, instance.order)})"
            for unit in chosen
        ]
    last = instance.order.start + dt.timedelta(days=proposal.latest_arrival)
    how = "optimal" if proposal.optimal else f"NOT proven optimal; proven bounds {proposal.bounds}"
    lines.append(
        f"latest arrival: day {proposal.latest_arrival} ({last}); largest state share: "
        f"{proposal.largest_state_share}; personnel committed: {proposal.total_strength} "
        f"({how}, {proposal.solve_seconds:.2f} s)"
    )
    return lines


def greedy_line(exact: Proposal, baseline: Proposal | None) -> str:
    if baseline is None:
        return "greedy: leaves a requirement short"
    gaps = [g - e for g, e in zip(baseline.objectives, exact.objectives, strict=True)]
    return (
        f"greedy: latest arrival day {baseline.latest_arrival} ({gaps[0]:+d}), largest state "
        f"share {baseline.largest_state_share} ({gaps[1]:+d}), personnel committed "
        f"{baseline.total_strength} ({gaps[2]:+d})"
    )
