"""What the read-only CLIs share: the world the configured database records, and their options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.cli_context import running
from accord.kernel.time import SystemClock, parse_day

if TYPE_CHECKING:
    from accord.service.world import World

Json = Annotated[bool, typer.Option("--json", help="Print JSON for programs")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today)")]


@contextmanager
def recorded_world() -> Iterator[World]:
    """The world as the configured database's journal records it (once it passed its check:
    exit 6 otherwise); the root command closes it at exit."""
    yield running().accord().world


def day_or_today(as_of: str | None) -> dt.date:
    """The day ``--as-of`` names, or today; a malformed date, or one outside the era, ends
    the command with exit 2."""
    from accord.rules.bounds import within_era

    try:
        return (
            within_era(parse_day(as_of, "--as-of"), "--as-of") if as_of else SystemClock().today()
        )
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
