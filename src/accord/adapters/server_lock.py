"""One Accord server per database, enforced: a lock held for the server's whole life.

Each server keeps its read model in memory and catches up with what others commit (see
commit_watch); two servers would each accept commands the other's read model has not seen when
it rules, so a second ``accord serve`` on the same database refuses to start. Short-lived
writers (``accord send``, the CLIs) take no lock: they write through the journal's head lock.

SQLite: an exclusive, non-blocking ``flock`` on ``<database file>.server-lock`` beside it.
PostgreSQL: ``pg_try_advisory_lock`` on a key derived from the database and the schema (tests
give each its own schema), on a connection kept open: the lock goes when the connection does.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from accord.adapters.storage_guard import sqlite_file
from accord.kernel.errors import AccordError

#: The exit status of a server that found its database held by another.
HELD_EXIT_STATUS = 3


class DatabaseHeld(AccordError):
    """Another Accord server holds this database: the message names it."""


@contextmanager
def hold_server_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's server lock until the block ends; DatabaseHeld if another has it."""
    path = sqlite_file(engine)
    if path is not None:
        with _file_lock(f"{path}.server-lock", str(path)):
            yield
    elif engine.url.get_backend_name() == "sqlite":
        yield  # an in-memory database belongs to this process alone
    else:
        with _advisory_lock(engine):
            yield


@contextmanager
def _file_lock(lock_path: str, database: str) -> Iterator[None]:
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseHeld(_held(database, f"it holds {lock_path}")) from None
        # The holder's pid, for the person reading the lock file; the flock is the lock.
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(descriptor)  # releases the flock


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        # Named, so that pg_stat_activity shows which backend holds a database's server lock.
        connection.execute(text("SET application_name = 'accord server lock'"))
        database, schema = connection.execute(
            text("SELECT current_database(), current_schema()")
        ).one()
        key = lock_key(f"{database}.{schema}")
        if not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar():
            where = f"database {database}, schema {schema}"
            raise DatabaseHeld(_held(where, f"it holds advisory lock {key}"))
        try:
            yield
        finally:
            # A connection already gone took the lock with it: nothing left to release.
            with suppress(DBAPIError):
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    digest = hashlib.sha256(f"accord-server:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _held(database: str, how: str) -> str:
    return (
        f"another Accord server is running on {database} ({how}); one server per database: "
        "stop it first, or send commands to it (accord send writes through the same journal)"
    )
