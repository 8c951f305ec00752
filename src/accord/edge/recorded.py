"""What the read-only CLIs share: the world the configured database records, and their options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.edge.signed_in import storage_errors
from accord.kernel.time import SystemClock, parse_day
from accord.rules.bounds import within_era
from accord.service.world import World

Json = Annotated[bool, typer.Option("--json", help="Print JSON for programs")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today)")]


@contextmanager
def recorded_world() -> Iterator[World]:
    """The world as the configured database's journal records it (once it passed its check:
    exit 6 otherwise)."""
    with storage_errors():
        accord = sql_accord(Settings())
    try:
        yield accord.world
    finally:
        accord.close()


def day_or_today(as_of: str | None) -> dt.date:
    """The day ``--as-of`` names, or today; a malformed date, or one outside the era, ends
    the command with exit 2."""
    try:
        return (
            within_era(parse_day(as_of, "--as-of"), "--as-of") if as_of else SystemClock().today()
        )
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
