"""The `accord` command: one Typer app, one sub-app per capability."""

from __future__ import annotations

import typer

from accord.backup import cli as backup_cli
from accord.contexts import cli_parts
from accord.edge.signed_in import BAD_INPUT, UNSOUND, raised_by
from accord.entrypoints import demo, demo_server, send_cli, serve_cli
from accord.entrypoints.opener import open_for
from accord.simulation.cli import scenario_app

# Help and usage errors as Click writes them: Rich's panels take twice as long to load as the
# whole of the rest of `accord --help` (issue 13: it starts in a blink).
app = typer.Typer(
    help="Accord: the collective security system of a treaty organization.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.callback()
def root(context: typer.Context) -> None:
    # Each command opens the database (and loads its libraries) only if it reads it.
    open_for(context)


for name, part in cli_parts():
    if isinstance(part, typer.Typer):
        app.add_typer(part, name=name)
    else:
        app.command(name)(part)
app.add_typer(scenario_app, name="scenario")
app.command("demo")(demo.demo)
serve_cli.db_app.command("backup")(backup_cli.backup)
serve_cli.db_app.command("restore")(backup_cli.restore)
app.add_typer(serve_cli.db_app, name="db")
app.command("send")(send_cli.send)
app.command("serve")(serve_cli.serve)
app.command("demo-server")(demo_server.demo_server)


def main() -> None:
    # Whatever command opened the database: a journal that fails its check, or a signing key
    # that cannot be used, is said plainly (exit 6 and 2), never as a traceback.
    try:
        app()
    except Exception as error:
        if raised_by(error, "accord.journal.soundness", "JournalUnsound"):
            typer.echo(f"error: {error}; `accord journal verify` lists every problem", err=True)
            raise SystemExit(UNSOUND) from None
        if raised_by(error, "accord.journal.signing", "KeyFileError"):
            typer.echo(f"error: {error}", err=True)
            raise SystemExit(BAD_INPUT) from None
        raise
