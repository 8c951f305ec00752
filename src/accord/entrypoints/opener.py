"""The opener the `accord` command puts in its context (accord.edge.cli_context): settings,
a database engine (schema up to date), the journal's seal and a running Accord, each made at
its first use by the command, then kept for the rest of it and closed at its exit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.edge.signed_in import storage_errors

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from typer._click.core import Context

    from accord.config import Settings
    from accord.journal.seal import JournalSeal
    from accord.service.runtime import Accord


class Opener:
    """Settings, a database engine (schema up to date) and a running Accord, each made at
    its first use by the command, then kept for the rest of it."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._engine: Engine | None = None
        self._accord: Accord | None = None

    def use_database(self, url: str | None) -> None:
        if url is not None:
            from accord.config import Settings

            self._settings = Settings(database_url=url)

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

    def seal(self) -> JournalSeal:
        """The journal's seal, once the journal passed its check (exit 6 otherwise)."""
        from accord.bootstrap import open_seal

        engine = self.engine()
        with storage_errors():
            return open_seal(self.settings(), engine)

    def sealed_engine(self) -> Engine:
        """The configured database, once its journal passed its check, as for every command
        that opens the database."""
        self.seal()
        return self.engine()

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
