"""`accord forces`: the units pledged (read only) and those that meet the requirements."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.edge.recorded import AsOf, Json, day_or_today, recorded_world
from accord.edge.render import console, print_json
from accord.kernel.errors import AccordError
from accord.kernel.time import SystemClock

if TYPE_CHECKING:
    from accord.forces.model import Unit

forces_app = typer.Typer(
    help="Forces and means: the pledged units (read only; the configured database, all of it, "
    "not the API's per-caller view) and the units that meet the Joint Staff's requirements.",
    no_args_is_help=True,
)
UnitId = Annotated[str, typer.Argument(help="A unit id (unit-1)")]
State = Annotated[str | None, typer.Option("--state", help="Only this state's units (ISO3)")]
UNIT_COLUMNS = ("id", "state", "unit", "troops", "capabilities", "readiness", "status")


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
    from accord.forces.matching.exact import match
    from accord.forces.matching.greedy import greedy
    from accord.forces.matching.instance import load_instance
    from accord.forces.matching.json_fields import InstanceError
    from accord.forces.matching.report import greedy_line, proposal_dict, proposal_lines
    from accord.forces.matching.shortfall import Shortfall

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
        data: dict[str, Any] = {"proposal": proposal_dict(result, instance)}
        if with_greedy:
            data["greedy"] = None if baseline is None else proposal_dict(baseline, instance)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for line in proposal_lines(result, instance):
        typer.echo(line)
    if with_greedy:
        typer.echo(greedy_line(result, baseline))


@forces_app.command("units")
def list_units(state: State = None, as_of: AsOf = None, json_output: Json = False) -> None:
    """Every unit pledged by the day: readiness, terms, status then (figures as last changed)."""
    from rich.markup import escape
    from rich.table import Table

    from accord.forces.missions import MISSIONS
    from accord.forces.model import UNITS

    day = day_or_today(as_of)
    with recorded_world() as world:
        away = world.port(MISSIONS).away(world)
        units = [u for u in world[UNITS].values() if state is None or u.state == state.upper()]
        rows = [_unit_row(u, away, day) for u in units if u.pledged_at.date() <= day]
    if json_output:
        print_json(rows)
        return
    table = Table(*UNIT_COLUMNS, title=f"Units on {day}")
    table.columns[2].overflow = table.columns[4].overflow = "fold"  # no identifier cut short
    for row in rows:
        unit = escape(f"{row['name']}\n{row['kind']}, {row['formation']}\n{_terms(row)}")
        ready = f"{row['readiness_days']} d, {row['readiness_level']}"
        figures = (str(row["strength"]), ", ".join(row["capabilities"]), ready, _status(row))
        table.add_row(row["id"], row["state"], unit, *figures)
    console().print(table)


@forces_app.command("unit")
def show_unit(unit_id: UnitId, json_output: Json = False) -> None:
    """One unit and its dated history: pledge, changes with their reasons, visits, withdrawal."""
    from rich.markup import escape

    from accord.forces.missions import MISSIONS
    from accord.forces.model import UNITS, find_unit

    with recorded_world() as world:
        try:
            unit = find_unit(world[UNITS], unit_id)
        except AccordError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
        row = _unit_row(unit, world.port(MISSIONS).away(world), SystemClock().today())
    if json_output:
        print_json(row)
        return
    console().print(
        f"[bold]{row['id']}[/bold] {escape(row['name'])} ({row['kind']}, {row['state']}, "
        f"{_status(row)}): {row['strength']} personnel in {row['formation']}, ready in "
        f"{row['readiness_days']} d at {row['readiness_level']}; {escape(_terms(row))}"
    )
    for entry in row["history"]:
        console().print(f"  {entry['at'][:10]} {escape(entry['what'])}")
    for visit in row["visits"]:
        findings = escape(visit["findings"]) or "no findings"
        console().print(f"  visit of {visit['visited_on']} by {visit['by']}: {findings}")


def _unit_row(unit: Unit, away: Mapping[str, tuple[str, dt.datetime | None]], day: dt.date) -> Any:
    """What the API shows of the unit, and its status on ``day``."""
    from accord.forces.views import unit_detail

    # Only deployments still under way name their units: one home again reads as pledged.
    case_id, since = away.get(unit.id, (None, None))
    case_id = case_id if since is None or since.date() <= day else None
    withdrawn = unit.withdrawn_at is not None and unit.withdrawn_at.date() <= day
    status = "withdrawn" if withdrawn else "deployed" if case_id else "pledged"
    return {**unit_detail(unit), "status": status, "deployed_on": case_id}


def _status(row: dict[str, Any]) -> str:
    return f"deployed on {row['deployed_on']}" if row["deployed_on"] else str(row["status"])


def _terms(row: dict[str, Any]) -> str:
    start, end = row["available_from"], row["available_until"]
    window = f"available {start or '…'} – {end or '…'}" if start or end else "available any time"
    caveats = "; ".join(f"{k} {', '.join(v)}".strip() for k, v in row["caveats"].items())
    return f"{window}; caveats {caveats}" if caveats else f"{window}; no caveats"
