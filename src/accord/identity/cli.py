"""`accord users`: add users, list them, revoke their API tokens."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from accord.adapters.db import write_transaction
from accord.bootstrap import database_engine, open_seal
from accord.config import Settings
from accord.edge.render import print_json
from accord.edge.signed_in import UNSOUND
from accord.identity import repository
from accord.identity.secrets import passwords
from accord.journal.soundness import JournalUnsound
from accord.kernel.errors import AccordError

users_app = typer.Typer(help="Users, their roles and their API tokens.", no_args_is_help=True)
console = Console()


@contextmanager
def _database(settings: Settings | None = None) -> Iterator[Engine]:
    settings = settings or Settings()
    engine = database_engine(settings)
    try:
        open_seal(settings, engine)  # as every command that opens the database: a sound journal
        yield engine
    finally:
        engine.dispose()


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(UNSOUND if isinstance(error, JournalUnsound) else 2)


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="A unique user name")],
    role: Annotated[str, typer.Option("--role", help="admin, secretariat, delegation, ...")],
    state: Annotated[
        str | None, typer.Option("--state", help="ISO alpha-3 state of a delegation")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read a password from standard input")
    ] = False,
) -> None:
    """Add a user and print a first API token (shown this once only)."""
    # From stdin rather than an option, so the password stays out of shell history and `ps`.
    password = sys.stdin.read().rstrip("\r\n") if password_stdin else None
    try:
        settings = Settings()
        hasher = passwords(settings)
        with _database(settings) as engine, write_transaction(engine) as conn:
            principal = repository.add_user(
                conn, name, role, state.upper() if state else state, password, passwords=hasher
            )
            token_id, token = repository.issue_token(conn, principal.user_id, label="first")
    except AccordError as error:
        raise _fail(error) from None
    bound = f", {principal.state}" if principal.state else ""
    typer.echo(f"added {principal.name} ({principal.role}{bound}) as {principal.user_id}")
    typer.echo(f"token id: {token_id}")
    typer.echo(f"token: {token}")
    typer.echo("The token is shown this once: store it now.", err=True)


@users_app.command("list")
def list_(
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Every user, with the number of live API tokens."""
    with _database() as engine, engine.connect() as conn:
        rows = repository.list_users(conn)
    if json_output:
        print_json(rows)
        return
    table = Table(title="Users")
    for column in ("name", "role", "state", "active", "tokens", "id", "created"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["name"],
            row["role"],
            row["state"] or "",
            "yes" if row["active"] else "no",
            str(row["tokens"]),
            row["id"],
            row["created_at"],
        )
    console.print(table)


@users_app.command("revoke")
def revoke(
    name_or_token_id: Annotated[str, typer.Argument(help="A token id (tok-…) or a user name")],
) -> None:
    """Revoke one token by id, or every token of the named user."""
    try:
        with _database() as engine, write_transaction(engine) as conn:
            count = repository.revoke(conn, name_or_token_id)
    except AccordError as error:
        raise _fail(error) from None
    typer.echo(f"revoked {count} token{'s' if count != 1 else ''}")
