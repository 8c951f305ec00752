"""`accord forces`: match pledged units to the Joint Staff's requirements from a JSON instance."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from accord.forces.matching.eligibility import arrival
from accord.forces.matching.exact import match
from accord.forces.matching.greedy import greedy
from accord.forces.matching.instance import Instance, load_instance
from accord.forces.matching.json_fields import InstanceError
from accord.forces.matching.proposal import Proposal
from accord.forces.matching.shortfall import Shortfall, describe

forces_app = typer.Typer(
    help="Forces and means: the units that meet the Joint Staff's requirements.",
    no_args_is_help=True,
)
FIGURES = ("latest_arrival", "largest_state_share", "total_strength")


@forces_app.command("match")
def match_command(
    instance_file: Annotated[Path, typer.Argument(metavar="INSTANCE.json", dir_okay=False)],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    with_greedy: Annotated[bool, typer.Option("--greedy", help="Also the greedy baseline")] = False,
    time_limit: Annotated[
        float | None, typer.Option("--time-limit", help="Seconds per solver stage (default: none)")
    ] = None,
) -> None:
    """Propose the units for each requirement (exact optimisation), or explain the shortfall."""
    try:
        instance = load_instance(instance_file)
        result = match(instance.units, instance.requirements, instance.order, time_limit=time_limit)
    except (InstanceError, TimeoutError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    baseline = (
        greedy(instance.units, instance.requirements, instance.order) if with_greedy else None
    )
    if isinstance(result, Shortfall):
        if json_output:
            typer.echo(json.dumps({"shortfall": result.lines}, ensure_ascii=False, indent=2))
        else:
            typer.echo("No set of pledged units meets the requirements:")
            for line in result.lines:
                typer.echo(f"  • {line}")
        raise typer.Exit(1)
    if json_output:
        data: dict[str, Any] = {"proposal": _proposal_dict(result, instance)}
        if with_greedy:
            data["greedy"] = None if baseline is None else _proposal_dict(baseline, instance)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_proposal(result, instance)
    if with_greedy:
        _print_greedy(result, baseline)


def _proposal_dict(proposal: Proposal, instance: Instance) -> dict[str, Any]:
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


def _print_proposal(proposal: Proposal, instance: Instance) -> None:
    units = {unit.id: unit for unit in instance.units}
    for requirement in instance.requirements:
        chosen = [units[uid] for uid in proposal.assignment[requirement.id]]
        typer.echo(f"{describe(requirement)}: {sum(u.strength for u in chosen)} personnel")
        for unit in chosen:
            typer.echo(
                f"  {unit.id} ({unit.state}, {unit.strength}, arrives "
                f"{arrival(unit, instance.order)})"
            )
    last = instance.order.start + dt.timedelta(days=proposal.latest_arrival)
    how = "optimal" if proposal.optimal else f"NOT proven optimal; proven bounds {proposal.bounds}"
    typer.echo(
        f"latest arrival: day {proposal.latest_arrival} ({last}); largest state share: "
        f"{proposal.largest_state_share}; personnel committed: {proposal.total_strength} "
        f"({how}, {proposal.solve_seconds:.2f} s)"
    )


def _print_greedy(exact: Proposal, baseline: Proposal | None) -> None:
    if baseline is None:
        typer.echo("greedy: leaves a requirement short")
        return
    gaps = [g - e for g, e in zip(baseline.objectives, exact.objectives, strict=True)]
    typer.echo(
        f"greedy: latest arrival day {baseline.latest_arrival} ({gaps[0]:+d}), largest state "
        f"share {baseline.largest_state_share} ({gaps[1]:+d}), personnel committed "
        f"{baseline.total_strength} ({gaps[2]:+d})"
    )
