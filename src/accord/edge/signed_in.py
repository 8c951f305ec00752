"""What the CLIs that act for a person share: the owner of an API token, and one exit status
per kind of answer, each the counterpart of an API status.

The token is read from ``--token-file`` or ACCORD_TOKEN, never from the command line, where
other users of the machine could read it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from accord.kernel.errors import StorageUnavailable

if TYPE_CHECKING:
    from accord.identity.model import Principal
    from accord.service.runtime import Accord

#: Exit statuses, beside the API's answer to the same request.
APPLIED = 0  # 201: allowed by the rules and journaled
REFUSED = 1  # 422 with a ruling: refused by the rules, journaled
BAD_INPUT = 2  # 422 naming the fields at fault, or 401: nothing was sent
FORBIDDEN = 3  # 403: the role may not send it; the refusal is journaled
NOT_FOUND = 4  # 404: no such record, or none released to the caller
UNAVAILABLE = 5  # 503: the database cannot keep it now; nothing was acknowledged
UNSOUND = 6  # the journal failed its check at start: nothing was read or sent


class BadInput(Exception):
    """Nothing was sent: the message says which field or option and why."""


def fail(message: str, status: int = BAD_INPUT) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(status)


def forbid(reason: str) -> NoReturn:
    typer.echo(f"refused: {reason} (journaled)", err=True)
    raise typer.Exit(FORBIDDEN)


@contextmanager
def storage_errors() -> Iterator[None]:
    """The database cannot keep the command: said plainly (no traceback), the API's 503; or
    its journal failed the check made before anything is served from it."""
    try:
        yield
    except StorageUnavailable as error:
        fail(f"storage unavailable: {error} (nothing was acknowledged)", UNAVAILABLE)
    except Exception as error:
        # Each of these modules is loaded already if it raised: looked up, never imported, so
        # that a command that opens no database loads no database library (issue 13).
        if raised_by(error, "accord.journal.soundness", "JournalUnsound"):
            fail(f"{error}; `accord journal verify` lists every problem", UNSOUND)
        if raised_by(error, "accord.journal.signing", "KeyFileError"):
            fail(str(error))
        if raised_by(error, "sqlalchemy.exc", "OperationalError", "InterfaceError"):
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            fail(f"storage unavailable: {reason} (nothing was acknowledged)", UNAVAILABLE)
        raise


def raised_by(error: Exception, module: str, *names: str) -> bool:
    loaded = sys.modules.get(module)
    kinds = tuple(getattr(loaded, name) for name in names) if loaded else ()
    return isinstance(error, kinds)


def token_from(token_file: Path | None) -> str:
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


def token_owner(accord: Accord, token: str) -> Principal:
    """The token's owner, or a bad-input exit (the API's 401) if it is unknown or revoked."""
    principal = accord.tokens.principal(token)  # the API's lookup: one code path
    if principal is None:
        fail("the API token is unknown or revoked")
    return principal
