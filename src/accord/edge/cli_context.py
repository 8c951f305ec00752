"""The running Accord of one `accord` command: the root command (accord.entrypoints.cli)
puts an opener in its context, which opens settings, the database and the Accord at their
first use and closes them at exit, so that a command that reads no database opens none and
loads no database library; the commands find it here, and never import the composition root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

try:  # recent Typer releases vendor Click: their commands run in its contexts, not Click's
    from typer._click.globals import get_current_context
except ImportError:  # an older Typer, on Click itself
    from click import get_current_context  # type: ignore[no-redef]

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from accord.config import Settings
    from accord.journal.seal import JournalSeal
    from accord.service.runtime import Accord


class Running(Protocol):
    def use_database(self, url: str | None) -> None:
        """Open ``url`` rather than the configured database (before the first use)."""

    def settings(self) -> Settings: ...
    def engine(self) -> Engine: ...
    def seal(self) -> JournalSeal: ...
    def sealed_engine(self) -> Engine: ...
    def accord(self) -> Accord: ...


def running() -> Running:
    """The opener of the command now running."""
    root = get_current_context().find_root()
    if root.obj is None:
        raise RuntimeError("a command of Accord's CLI runs under the `accord` command")
    return cast(Running, root.obj)
