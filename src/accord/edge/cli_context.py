"""The running Accord of one `accord` command: the root command opens it on first use and
closes it at exit, so that a command that reads no database opens none, and loads no database
library (issue 13: the CLI gets its running Accord from the root command, not from bootstrap).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.edge.signed_in import storage_errors

try:  # recent Typer releases vendor Click: their commands run in its contexts, not Click's
    from typer._click.globals import get_current_context
except ImportError:  # an older Typer, on Click itself
    from click import get_current_context  # type: ignore[no-redef]

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from typer._click.core import Context

    from accord.config import Settings
    from accord.service.runtime import Accord


class Opener:
    """Settings, a database engine (schema up to date) and a running Accord, each made at
    its first use by the command, then kept for the rest of it."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._engine: Engine | None = None
        self._accord: Accord | None = None

    def settings(self) -> Settings:
        if self._settings is None:
            from accord.config import Settings

            self._settings = Settings()
        return self._settings

    def engine(self) -> Engine:
        """The configured database, its schema brought up to date."""
        if self._engine is None:
            from accord.bootstrap import database_engine

            with storage_errors():
                self._engine = database_engine(self.settings())
        return self._engine

    def sealed_engine(self) -> Engine:
        """The configured database, once its journal passed its check (exit 6 otherwise), as
        for every command that opens the database."""
        from accord.bootstrap import open_seal

        engine = self.engine()
        with storage_errors():
            open_seal(self.settings(), engine)
        return engine

    def accord(self) -> Accord:
        """The Accord the configured database records (once its journal passed its check)."""
        if self._accord is None:
            from accord.bootstrap import sql_accord

            with storage_errors():
                self._accord = sql_accord(self.settings(), self.engine())
        return self._accord

    def close(self) -> None:
        if self._accord is not None:
            self._accord.close()  # disposes of the engine too
        elif self._engine is not None:
            self._engine.dispose()
        self._accord = self._engine = None


def open_for(context: Context) -> Opener:
    """The root command's opener (made now if the root put none there), closed at its exit."""
    root = context.find_root()
    if not isinstance(root.obj, Opener):
        root.obj = Opener()
        root.call_on_close(root.obj.close)
    return root.obj


def running() -> Opener:
    """The opener of the command now running."""
    return open_for(get_current_context())
