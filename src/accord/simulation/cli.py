"""`accord scenario run FILE|NAME`: replay a scenario and check every expectation;
`accord scenario list`: the bundled ones, which run by name from any folder;
`accord scenario verbs`: the verbs a step may do and their keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import print_json
from accord.kernel.errors import AccordError
from accord.rules.configured import configured_charter

if TYPE_CHECKING:
    from accord.simulation.scenario import Scenario

scenario_app = typer.Typer(
    help="Replay scenarios through the real rules and handlers.", no_args_is_help=True
)


@scenario_app.command("run")
def run(
    file: Annotated[str, typer.Argument(help="A scenario YAML file, or a bundled scenario's name")],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    journal: Annotated[
        Path | None, typer.Option(help="Also write the journal here (JSONL)")
    ] = None,
) -> None:
    """Exit 0 only if every expectation holds; 1 if one fails; 2 if the file is malformed."""
    from accord.journal.store import JsonLinesJournal
    from accord.simulation.runner import run_scenario
    from accord.simulation.timeline import report_to_dict, timeline_lines

    try:
        scenario = _scenario(file)
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


@scenario_app.command("list")
def list_() -> None:
    """The bundled scenarios by name (historical ones, and what-ifs named whatif-...)."""
    from accord.simulation.bundled import scenario_names

    typer.echo("\n".join(scenario_names()))


@scenario_app.command("verbs")
def verbs(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print Markdown (docs/scenarios.md)")
    ] = False,
) -> None:
    """Every verb a step may do, with its keys: type, required or default, description."""
    from accord.simulation import verb_list

    typer.echo(verb_list.markdown() if markdown else verb_list.text(), nl=False)


def _scenario(file: str) -> Scenario:
    from accord.simulation.bundled import bundled_scenario, load_bundled
    from accord.simulation.scenario import load_scenario

    if Path(file).exists():  # a device or a folder too: the reader says what it is
        return load_scenario(Path(file))
    bundled = bundled_scenario(file)
    if bundled is None:
        typer.echo(
            f"error: {file}: no such file, nor a bundled scenario (accord scenario list)", err=True
        )
        raise typer.Exit(2)
    return load_bundled(bundled)
