"""`accord exercises list|show`: the plans recorded in the configured database (read only)."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.edge.recorded import Json, recorded_world
from accord.edge.render import console, print_json
from accord.kernel.errors import AccordError

exercises_app = typer.Typer(
    help="Exercise plans and exercises (ACCORD_DATABASE_URL; the demo's database too).",
    no_args_is_help=True,
)
Year = Annotated[int | None, typer.Option("--year", help="Only this year")]


@exercises_app.command("list")
def list_exercises(year: Year = None, json_output: Json = False) -> None:
    """Every exercise in date order, with its host, dates, troop cap and status."""
    from rich.table import Table

    from accord.exercises import views
    from accord.exercises.model import EXERCISES

    with recorded_world() as world:
        rows = views.exercises(world[EXERCISES], year)
    if json_output:
        print_json(rows)
        return
    table = Table("id", "name", "kind", "host", "dates", "troops", "status", title="Exercises")
    for row in rows:
        dates = f"{row['start']} – {row['end']}"
        cells = (row["id"], row["name"], row["kind_title"], row["host"], dates)
        table.add_row(*cells, str(row["troop_cap"]), row["status"])
    console().print(table)


@exercises_app.command("show")
def show_exercise(
    exercise: Annotated[str, typer.Argument(help="An exercise id or name (Interaction-2020)")],
    json_output: Json = False,
) -> None:
    """One exercise with every dated change, its reason, and the lessons learned."""
    from accord.exercises import views
    from accord.exercises.model import EXERCISES

    with recorded_world() as world:
        try:
            detail = views.exercise_detail(world[EXERCISES].find(exercise))
        except AccordError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
    if json_output:
        print_json(detail)
        return
    console().print(
        f"[bold]{detail['name']}[/bold] ({detail['kind_title']}, {detail['status']}): "
        f"{detail['host']} {detail['venue']}, {detail['start']} – {detail['end']}, "
        f"at most {detail['troop_cap']} troops; {', '.join(detail['participants'])}"
    )
    for change in detail["changes"]:
        console().print(
            f"  {change['at'][:10]} {change['change']} by {change['by']}: {change['reason']}"
        )
        console().print(f"      {change['before']} → {change['after']}")
    for lessons in detail["lessons"]:
        console().print(f"  lessons ({lessons['at'][:10]}): {lessons['text']}")
