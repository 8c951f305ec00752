"""`accord operations list|totals`: the standing operations and their results (read only)."""

from __future__ import annotations

import typer

from accord.edge.recorded import Json, recorded_world
from accord.edge.render import console, print_json
from accord.exercises.cli import Year

operations_app = typer.Typer(
    help="Standing operations, their stages and results (ACCORD_DATABASE_URL).",
    no_args_is_help=True,
)


@operations_app.command("list")
def list_operations(json_output: Json = False) -> None:
    """Channel, Illegal, Proxy and Mercenary: since when, and how sure the sources are."""
    from rich.table import Table

    from accord.operations import views
    from accord.operations.model import OPERATION_STAGES

    with recorded_world() as world:
        rows = views.catalog(world[OPERATION_STAGES])
    if json_output:
        print_json(rows)
        return
    table = Table("operation", "subject", "since", "confidence", "stages", title="Operations")
    for row in rows:
        confidence, stages = row["source"]["confidence"], str(row["stages_recorded"])
        table.add_row(row["name"], row["subject"], str(row["since"]), confidence, stages)
    console().print(table)


@operations_app.command("totals")
def totals(year: Year = None, json_output: Json = False) -> None:
    """Per year and operation: kilograms seized by substance, detentions, resources blocked."""
    from rich.table import Table

    from accord.operations import views
    from accord.operations.model import OPERATION_STAGES

    with recorded_world() as world:
        rows = views.totals(world[OPERATION_STAGES], year)
    if json_output:
        print_json(rows)
        return
    table = Table("year", "operation", "seized (kg)", "detentions", "blocked", "members")
    for row in rows:
        seized = ", ".join(f"{s} {kg:g}" for s, kg in row["seizures_kg"].items()) or "-"
        figures = (seized, str(row["detentions"]), str(row["resources_blocked"]))
        table.add_row(str(row["year"]), row["operation"], *figures, ", ".join(row["by_member"]))
    console().print(table)
