"""SQLite backups: the sqlite3 backup API, both ways.

Backing up copies the live file in one step under one read transaction: the copy is the
database as of one commit, while the server goes on writing (WAL: a reader never blocks the
writer). The copy is made one self-contained file (a rollback journal, not WAL) and checked
before it takes its name, so a backup is whole or absent. Restoring copies the backup's pages
into the live file under its write lock: one transaction, all or nothing, and the same file
(its inode, its WAL mode, its server lock) throughout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from accord.adapters.storage_guard import sqlite_file
from accord.backup.kinds import BackupUnavailable, BadBackup, check_revision, require_journal
from accord.journal.repository import SqlJournal
from accord.journal.verify import Verification, verify

BUSY_SECONDS = 30


def backup(engine: Engine, target: Path) -> Verification:
    """Copy the live database to ``target``; the copy's journal verification."""
    live = _live_file(engine)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with (
            closing(sqlite3.connect(live, timeout=BUSY_SECONDS)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        _, verification = inspect_backup(partial)
        partial.replace(target)
    except sqlite3.Error as error:
        raise BackupUnavailable(f"the backup of {live} failed: {error}") from error
    finally:
        partial.unlink(missing_ok=True)
    return verification


def inspect_backup(path: Path) -> tuple[str, Verification]:
    """The backup's schema revision and its journal's verification, read without writing it."""
    with _read_only(path) as engine:
        try:
            require_journal(path, set(inspect(engine).get_table_names()))
            with engine.connect() as connection:
                revision = connection.execute(text("SELECT version_num FROM alembic_version"))
                found = revision.scalar()
            check_revision(path, found)
            return str(found), verify(SqlJournal(engine).entries())
        except (sqlite3.DatabaseError, SQLAlchemyError) as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise BadBackup(f"FILE {path}: not a readable Accord database ({reason})") from None
        except (ValueError, TypeError, KeyError) as error:
            raise BadBackup(f"FILE {path}: its journal cannot be read ({error})") from None


def restore(path: Path, engine: Engine) -> None:
    """Replace the live database's content with the backup's, in one transaction."""
    live = _live_file(engine)
    engine.dispose()  # no connection of this process keeps the old pages in its cache
    try:
        with (
            closing(sqlite3.connect(_read_only_uri(path), uri=True)) as source,
            closing(sqlite3.connect(live, timeout=BUSY_SECONDS)) as target,
        ):
            source.backup(target)
    except sqlite3.Error as error:
        raise BackupUnavailable(f"the restore into {live} failed: {error}") from error


def _live_file(engine: Engine) -> Path:
    path = sqlite_file(engine)
    if path is None:
        raise BadBackup("the configured database is an in-memory SQLite: nothing to back up")
    return path


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


@contextmanager
def _read_only(path: Path) -> Iterator[Engine]:
    uri = _read_only_uri(path)
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        yield engine
    finally:
        engine.dispose()
