"""Where `accord demo-server` writes: the CLI's own default database and event store.

So after `make demo` every command of the README (``accord forces units``, ``accord send``...)
reads the demo, with nothing to export. The demo starts both afresh each time, but wipes only
what a demo wrote: a default database holding users or journal entries of its own, with no
demo marker beside it, is refused (exit 2) unless ``--replace`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer
from sqlalchemy import Engine, func, inspect, select

from accord.adapters.db import default_database_file
from accord.config import Settings
from accord.identity.tables import users
from accord.journal.tables import journal_entries
from accord.monitoring.ingesting import default_events_file

#: Beside the database: this file was written by the demo, so the next demo may wipe it.
MARKER_SUFFIX = ".demo"


@dataclass(frozen=True)
class DemoFiles:
    database: Path
    events: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"

    @property
    def marker(self) -> Path:
        return self.database.with_name(self.database.name + MARKER_SUFFIX)

    def settings(self) -> Settings:
        # The key file and state folder stay as configured, as the CLI will read them.
        return Settings(database_url=self.url, events_url=str(self.events))

    def stale(self) -> list[Path]:
        """The database with its WAL and journal, the event store with its WAL, the marker;
        never the server lock, which the demo holds while it wipes."""
        database, events = str(self.database), str(self.events)
        names = [database, f"{database}-wal", f"{database}-shm", f"{database}-journal"]
        names += [events, f"{events}.wal", str(self.marker)]
        return [Path(name) for name in names]


def demo_files() -> DemoFiles:
    return DemoFiles(default_database_file(), default_events_file())


def refuse_foreign_data(files: DemoFiles, engine: Engine, replace: bool) -> None:
    """Exit 2, naming the file, if the database holds data the demo did not write."""
    if replace or files.marker.exists() or not files.database.exists():
        return
    with engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        held = sum(
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (users, journal_entries)
            if table.name in present
        )
    engine.dispose()  # no connection may stay open on a file about to be removed
    if held:
        typer.echo(
            f"error: {files.database} holds users or journal entries the demo did not write "
            "(it is the CLI's default database): move it away, or pass --replace to wipe it",
            err=True,
        )
        raise typer.Exit(2)


def start_afresh(files: DemoFiles) -> None:
    for stale in files.stale():
        stale.unlink(missing_ok=True)
    files.marker.write_text("written by accord demo-server: the next one may wipe it\n")


def elsewhere_warnings() -> list[str]:
    """What in the environment points the CLI away from the demo's files."""
    configured = Settings()
    variables = {
        "ACCORD_DATABASE_URL": configured.database_url,
        "ACCORD_EVENTS_URL": configured.events_url,
    }
    return [
        f"{name} is set: the CLI in this shell reads it, not the demo; unset it to use the demo"
        for name, value in variables.items()
        if value is not None
    ]
