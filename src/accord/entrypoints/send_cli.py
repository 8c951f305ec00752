"""`accord send COMMAND`: any command over the CLI, sent as a signed-in person exactly as the API
sends it (the role's permission, the actor, the rules, the journal).

The person is the owner of an API token (``accord users add``), read from ``--token-file`` or
the ACCORD_TOKEN environment variable, never from the command line, where other users of the
machine could read it. Exit status: 0 applied, 1 refused (by the rules or for want of
permission; both journaled), 2 bad input (nothing sent).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import yaml
from pydantic import TypeAdapter, ValidationError

from accord.bootstrap import command_types, sql_accord
from accord.config import Settings
from accord.entrypoints.commanding import command_out
from accord.entrypoints.render import print_json
from accord.entrypoints.sending import send_as
from accord.kernel.errors import InvalidInput, NotFound
from accord.kernel.messages import Command


class BadInput(Exception):
    """Nothing was sent: the message says which field or option and why."""


def send(
    command: Annotated[
        str, typer.Argument(help="The command, e.g. pledge_unit (--list: all)")
    ] = "",
    data: Annotated[str | None, typer.Option("--data", help="Its fields as a JSON object")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Its fields in a JSON or YAML file")
    ] = None,
    on_behalf_of: Annotated[
        str | None, typer.Option("--for", help="Whom to act for (a Secretariat officer: a body)")
    ] = None,
    idempotency_key: Annotated[
        str | None, typer.Option("--idempotency-key", help="Send again to retry, applied once")
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option("--token-file", help="A file holding the API token")
    ] = None,
    list_commands: Annotated[bool, typer.Option("--list", help="List the commands")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON for programs")] = False,
) -> None:
    """Send a command as the owner of an API token (ACCORD_DATABASE_URL's database)."""
    types = command_types()
    if list_commands:
        for name in sorted(types):
            typer.echo(f"{name}({', '.join(_field_names(types[name]))})")
        return
    try:
        message = command_from(command, _fields(data, file), types)
        token = _token(token_file)
    except BadInput as error:
        _fail(str(error))
    accord = sql_accord(Settings())
    try:
        principal = accord.tokens.principal(token)  # the API's lookup, one code path
        if principal is None:
            _fail("the API token is unknown or revoked")
        try:
            sent = send_as(accord, principal, message, on_behalf_of, idempotency_key)
        except (InvalidInput, NotFound) as error:
            _fail(str(error))
    finally:
        accord.tokens.close()
        accord.engine.dispose()
    if sent.result is None:
        typer.echo(f"refused: {sent.forbidden} (journaled)", err=True)
        raise typer.Exit(1)
    if sent.key_reused:
        _fail("this idempotency key was used for a different command")
    out = command_out(sent.result).model_dump(mode="json")
    if json_output:
        print_json(out)
    else:
        verdict = "applied" if out["allowed"] else "REFUSED"
        typer.echo(f"journal #{out['journal_seq']}: {out['command']} {verdict}")
        for reason in out["reasons"]:
            typer.echo(f"  {reason}")
        if out["articles"]:
            typer.echo(f"  under {', '.join(out['articles'])}")
        for kind, identifier in out["created"].items():
            typer.echo(f"  created {kind}: {identifier}")
    if not out["allowed"]:
        raise typer.Exit(1)


def command_from(name: str, fields: dict[str, Any], types: dict[str, type[Command]]) -> Command:
    """The command ``name`` with ``fields``, checked as the API checks a body's types; the
    rules then check the rest when it is handled."""
    kind = types.get(name)
    if kind is None:
        raise BadInput(f"command: unknown {name!r}; `accord send --list` lists them")
    unknown = sorted(set(fields) - set(_field_names(kind)))
    if unknown:
        raise BadInput(f"{', '.join(unknown)}: not a field of {name}; it has {_field_names(kind)}")
    try:
        command: Command = TypeAdapter(kind).validate_python(fields)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(part) for part in issue['loc']) or name}: {issue['msg']}"
            for issue in error.errors()
        ]
        raise BadInput("; ".join(problems)) from None
    return command


def _fail(message: str) -> NoReturn:
    """Bad input: said on standard error, exit status 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _field_names(kind: type[Command]) -> list[str]:
    return [field.name for field in dataclasses.fields(kind)]


def _fields(data: str | None, file: Path | None) -> dict[str, Any]:
    if data is not None and file is not None:
        raise BadInput("--data and --file: give one of them")
    try:
        if file is not None:
            text = file.read_text(encoding="utf-8")
            fields = json.loads(text) if file.suffix == ".json" else yaml.safe_load(text)
        else:
            fields = json.loads(data) if data is not None else {}
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
        raise BadInput(f"{'--file' if file else '--data'}: cannot read it: {error}") from None
    if not isinstance(fields, dict):
        raise BadInput(f"{'--file' if file else '--data'}: must hold an object of fields")
    return fields


def _token(token_file: Path | None) -> str:
    try:
        token = (
            token_file.read_text(encoding="utf-8")
            if token_file
            else os.environ.get("ACCORD_TOKEN", "")
        )
    except OSError as error:
        raise BadInput(f"--token-file: cannot read it: {error}") from None
    if not token.strip():
        raise BadInput("an API token is required: --token-file FILE or ACCORD_TOKEN")
    return token.strip()
