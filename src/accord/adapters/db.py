"""Database engines: SQLite by default (a file, WAL mode), PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event


def default_database_url() -> str:
    """A SQLite file in the user's data directory (created on first use)."""
    return f"sqlite:///{default_database_file()}"


def default_database_file() -> Path:
    """The SQLite file every command opens when no database URL is configured."""
    folder = Path(user_data_dir("accord", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "accord.db"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: on SQLite it takes the write lock as it begins. One begun
    plainly that reads before it writes fails at once with "database is locked" when another
    process writes meanwhile (a lock upgrade is never waited for), where this one waits."""
    with engine.connect().execution_options(writing=True) as connection, connection.begin():
        yield connection


def _sqlite_begin(connection: Any) -> None:
    # A writer takes the write lock when it begins (BEGIN IMMEDIATE), not halfway through,
    # so two writers never deadlock on a lock upgrade; readers begin plainly.
    writing = connection.get_execution_options().get("writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    connection.isolation_level = None  # let SQLAlchemy's "begin" listener issue BEGIN
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL in WAL mode: the WAL is synced at every commit, so an acknowledged commit survives
    # a power loss or an OS crash too (NORMAL only survives a crash of the process).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
