"""`accord scenario run FILE`: replay a scenario and check every expectation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import print_json
from accord.kernel.errors import AccordError
from accord.rules.configured import configured_charter

scenario_app = typer.Typer(
    help="Replay scenarios through the real rules and handlers.", no_args_is_help=True
)


@scenario_app.command("run")
def run(
    file: Annotated[Path, typer.Argument(help="A scenario YAML file", exists=True, dir_okay=False)],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    journal: Annotated[
        Path | None, typer.Option(help="Also write the journal here (JSONL)")
    ] = None,
) -> None:
    """Exit 0 only if every expectation holds; 1 if one fails; 2 if the file is malformed."""
    from accord.journal.store import JsonLinesJournal
    from accord.simulation.runner import run_scenario
    from accord.simulation.scenario import load_scenario
    from accord.simulation.timeline import report_to_dict, timeline_lines

    try:
        scenario = load_scenario(file)
        charter = configured_charter(running().settings(), scenario.charter)
        if journal is not None and journal.exists():
            journal.unlink()
        store = JsonLinesJournal(journal) if journal is not None else None
        report = run_scenario(scenario, charter, store)
    except AccordError as error:
        typer.echo(f"error: {file}: {error}", err=True)
        raise typer.Exit(2) from None
    if json_output:
        print_json(report_to_dict(report))
    else:
        typer.echo("\n".join(timeline_lines(report)))
    raise typer.Exit(0 if report.ok else 1)
