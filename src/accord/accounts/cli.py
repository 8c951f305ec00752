"""`accord users`: add users, list them, revoke their API tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import console, print_json
from accord.kernel.errors import AccordError, NotFound

users_app = typer.Typer(help="Users, their roles and their API tokens.", no_args_is_help=True)


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(2)


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
    from accord.adapters.db import write_transaction
    from accord.identity import repository
    from accord.identity.secrets import passwords

    engine = running().sealed_engine()
    hasher = passwords(running().settings())
    try:
        with write_transaction(engine) as conn:
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


@users_app.command("token")
def token(
    name: Annotated[str, typer.Argument(help="An existing user's name")],
    label: Annotated[str, typer.Option(help="A note kept with the token")] = "cli",
) -> None:
    """Issue another API token for a user and print the token alone, so that a shell can keep
    it: KAZ=$(accord users token kaz-delegation)."""
    from accord.adapters.db import write_transaction
    from accord.identity import repository

    try:
        with write_transaction(running().sealed_engine()) as conn:
            named = [row["id"] for row in repository.list_users(conn) if row["name"] == name]
            if not named:
                raise NotFound(f"user {name!r} does not exist")
            token_id, issued = repository.issue_token(conn, named[0], label=label)
    except AccordError as error:
        raise _fail(error) from None
    typer.echo(issued)
    typer.echo(f"token id: {token_id}; the token is shown this once: store it now.", err=True)


@users_app.command("list")
def list_(
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Every user, with the number of live API tokens."""
    from rich.table import Table

    from accord.identity import repository

    with running().sealed_engine().connect() as conn:
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
    console().print(table)


@users_app.command("revoke")
def revoke(
    name_or_token_id: Annotated[str, typer.Argument(help="A token id (tok-…) or a user name")],
) -> None:
    """Revoke one token by id, or every token of the named user."""
    from accord.adapters.db import write_transaction
    from accord.identity import repository

    engine = running().sealed_engine()
    try:
        with write_transaction(engine) as conn:
            count = repository.revoke(conn, name_or_token_id)
    except AccordError as error:
        raise _fail(error) from None
    typer.echo(f"revoked {count} token{'s' if count != 1 else ''}")
