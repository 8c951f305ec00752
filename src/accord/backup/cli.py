"""`accord db backup FILE` and `accord db restore FILE`: an online, consistent copy of the
configured database, and its restoration (never while a server holds the database).

Exit statuses: 0 done, the journal verifies; 1 the journal does not verify (a backup is kept,
as evidence; a SQLite backup that does not verify is not restored); 2 bad input (no such file,
not a backup, a backup of the other kind of database, a file that exists already), nothing
changed; 3 a server holds the database; 5 the database or its tools are unavailable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.signed_in import BAD_INPUT, REFUSED, UNAVAILABLE, fail, storage_errors

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from accord.journal.verify import Verification

File = Annotated[Path, typer.Argument(help="The backup file", dir_okay=False)]


def backup(file: File) -> None:
    """Copy the configured database to FILE, online and consistent, while a server runs."""
    from sqlalchemy import inspect

    from accord.adapters.storage_guard import sqlite_file
    from accord.backup import postgres, sqlite
    from accord.backup.kinds import BadBackup, database_kind

    engine = _configured_engine()
    with _failures():
        if file.exists():
            raise BadBackup(f"FILE {file}: exists already; a backup never overwrites a file")
        if not file.parent.is_dir():
            raise BadBackup(f"FILE {file}: there is no folder {file.parent}")
        live = sqlite_file(engine)
        if live is not None and not live.exists():  # not created by looking at it
            raise BadBackup(f"there is no database at {live}: nothing to back up")
        if not inspect(engine).has_table("journal_entries"):
            raise BadBackup(f"{_name(engine)} has no journal: nothing to back up")
        copy = sqlite.backup if database_kind(engine) == "sqlite" else postgres.backup
        verification = copy(engine, file)
    typer.echo(f"backup of {_name(engine)} written to {file}: {_verdict(verification)}")
    _exit(verification, kept=f"the backup {file} is kept, as evidence")


def restore(
    file: File,
    yes: Annotated[bool, typer.Option("--yes", help="Restore without asking")] = False,
) -> None:
    """Replace the configured database with FILE's content (refused while a server holds it)."""
    from accord.adapters.migrate import upgrade
    from accord.adapters.server_lock import hold_server_lock
    from accord.backup import postgres, sqlite
    from accord.backup.kinds import check_kind, database_kind
    from accord.backup.reset import reset_local_state
    from accord.config import Settings
    from accord.journal.repository import SqlJournal
    from accord.journal.verify import verify

    engine = _configured_engine()
    with _failures():
        if check_kind(file, engine) == "sqlite":
            revision, found = sqlite.inspect_backup(file)
            if not found.ok:
                typer.echo(f"FILE {file}: {_verdict(found)}", err=True)
                _exit(found, kept="nothing was restored")
        else:
            revision = postgres.inspect_backup(file, engine)
        if not yes and not typer.confirm(f"Replace everything in {_name(engine)} with {file}?"):
            fail("nothing was restored", REFUSED)
        with hold_server_lock(engine):
            before = _head(engine)
            (sqlite.restore if database_kind(engine) == "sqlite" else postgres.restore)(
                file, engine
            )
            upgrade(engine)  # a backup from an older version of Accord is brought up to date
            after = _head(engine)
            verification = verify(SqlJournal(engine).entries())
            reset = reset_local_state(Settings(), engine)
    typer.echo(f"restored {file} into {_name(engine)} (schema revision {revision})")
    typer.echo(_moved(before, after))
    for line in reset:
        typer.echo(line)
    typer.echo(f"restored journal: {_verdict(verification)}")
    _exit(verification, kept="the database holds the backup's content")


@contextmanager
def _failures() -> Iterator[None]:
    from accord.adapters.server_lock import HELD_EXIT_STATUS, DatabaseHeld
    from accord.backup.kinds import BackupUnavailable, BadBackup

    try:
        with storage_errors():
            yield
    except BadBackup as error:
        fail(f"{error} (nothing changed)", BAD_INPUT)
    except BackupUnavailable as error:
        fail(f"{error} (nothing changed)", UNAVAILABLE)
    except DatabaseHeld as error:
        fail(f"{error}; nothing was restored", HELD_EXIT_STATUS)


def _configured_engine() -> Engine:
    # Not bootstrap.database_engine: a backup or a restore never migrates the database first.
    from accord.adapters.db import default_database_url, make_engine
    from accord.config import Settings

    return make_engine(Settings().database_url or default_database_url())


def _head(engine: Engine) -> tuple[int, str]:
    from sqlalchemy import inspect

    from accord.journal.model import GENESIS
    from accord.journal.repository import SqlJournal

    return SqlJournal(engine).head() if inspect(engine).has_table("journal_head") else (0, GENESIS)


def _moved(before: tuple[int, str], after: tuple[int, str]) -> str:
    (was, was_hash), (now, now_hash) = before, after
    if before == after:
        return f"the journal is unchanged: it ends at entry {now}"
    if now < was:
        return (
            f"the journal moved back in time: it ended at entry {was} ({was_hash[:12]}…) and now "
            f"ends at entry {now} ({now_hash[:12]}…), the backup's; the {was - now} later "
            "entries are gone from it, and what was kept outside the database about them is reset"
        )
    return (
        f"the journal ended at entry {was} ({was_hash[:12]}…); "
        f"it now ends at entry {now} ({now_hash[:12]}…)"
    )


def _verdict(verification: Verification) -> str:
    if verification.ok:
        return f"{verification.entries} journal entries, chain verified"
    return f"{verification.entries} journal entries, CHAIN BROKEN: " + "; ".join(
        verification.problems[:5]
    )


def _exit(verification: Verification, kept: str) -> None:
    if not verification.ok:
        typer.echo(f"the journal does not verify: {kept}", err=True)
        raise typer.Exit(REFUSED)


def _name(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
