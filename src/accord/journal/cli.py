"""`accord journal verify FILE`: check the hash chain of a journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from accord.entrypoints.render import print_json
from accord.journal.store import JsonLinesJournal
from accord.journal.verify import verify as verify_entries

journal_app = typer.Typer(help="The append-only, hash-chained journal.", no_args_is_help=True)


@journal_app.command("verify")
def verify(
    file: Annotated[
        Path, typer.Argument(help="A journal file (JSON Lines)", exists=True, dir_okay=False)
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Exit 0 if no entry was edited, removed, inserted or reordered; 1 otherwise."""
    result = verify_entries(JsonLinesJournal(file).entries())
    if json_output:
        print_json({"entries": result.entries, "ok": result.ok, "problems": list(result.problems)})
    else:
        typer.echo(
            f"{result.entries} entries: " + ("chain verified" if result.ok else "CHAIN BROKEN")
        )
        for problem in result.problems:
            typer.echo(f"  {problem}")
    raise typer.Exit(0 if result.ok else 1)
