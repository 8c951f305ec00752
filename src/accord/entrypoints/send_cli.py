"""`accord send COMMAND`: any command over the CLI, sent as a signed-in person exactly as the API
sends it (the records it names and whether they are released, the role's permission, the
actor, the rules, the journal).

The person is the owner of an API token (``accord users add``), read from ``--token-file`` or
the ACCORD_TOKEN environment variable. Exit status (the API's answer beside it): 0 applied
(201), 1 refused by the rules (422 with the ruling), 2 bad input, nothing sent (422 naming the
field, or 401), 3 not permitted (403), 4 no such record or none released to the caller (404),
5 the database cannot keep it (503: its file removed, replaced or read-only, its server
unreachable; nothing acknowledged).
Refusals by the rules and by permission are journaled.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.edge.cli_context import running
from accord.edge.render import print_json
from accord.edge.signed_in import (
    NOT_FOUND,
    REFUSED,
    BadInput,
    fail,
    forbid,
    storage_errors,
    token_from,
    token_owner,
)
from accord.kernel.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from accord.kernel.messages import Command


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
    from accord.bootstrap import command_types
    from accord.edge.commanding import command_out
    from accord.edge.sending import send_as

    types = command_types()
    if list_commands:
        for name in sorted(types):
            typer.echo(f"{name}({', '.join(_field_names(types[name]))})")
        return
    try:
        message = command_from(command, _fields(data, file), types)
        token = token_from(token_file)
    except BadInput as error:
        fail(str(error))
    accord = running().accord()
    with storage_errors():
        principal = token_owner(accord, token)
        try:
            sent = send_as(accord, principal, message, on_behalf_of, idempotency_key)
        except NotFound as error:
            fail(str(error), NOT_FOUND)
        except InvalidInput as error:
            fail(str(error))
    if sent.result is None:
        forbid(sent.forbidden)
    if sent.key_reused:
        fail("this idempotency key was used for a different command")
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
        raise typer.Exit(REFUSED)


def command_from(name: str, fields: dict[str, Any], types: dict[str, type[Command]]) -> Command:
    """The command ``name`` with ``fields``, checked as the API checks a body's types; the
    rules then check the rest when it is handled."""
    from pydantic import ValidationError

    from accord.rules.checking import adapter, problems

    kind = types.get(name)
    if kind is None:
        raise BadInput(f"command: unknown {name!r}; `accord send --list` lists them")
    unknown = sorted(set(fields) - set(_field_names(kind)))
    if unknown:
        raise BadInput(f"{', '.join(unknown)}: not a field of {name}; it has {_field_names(kind)}")
    try:
        command: Command = adapter(kind).validate_python(fields)
    except ValidationError as error:
        raise BadInput(
            "; ".join(f"{field or name}: {rule}" for field, rule in problems(error))
        ) from None
    return command


def _field_names(kind: type[Command]) -> list[str]:
    from accord.kernel.messages import command_fields

    return [field.name for field in command_fields(kind)]


def _fields(data: str | None, file: Path | None) -> dict[str, Any]:
    if data is not None and file is not None:
        raise BadInput("--data and --file: give one of them")
    import yaml

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
