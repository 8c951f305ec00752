"""Durable or refused: is the database file still the one we opened, and can it be written?

An open SQLite connection keeps writing to its file's inode after the file (or its folder) is
removed or replaced, and root writes through it after a chmod: the commits "succeed" and are
lost. The writer calls ``check()`` before it commits a transaction and ``committed()`` after,
and acknowledges nothing when either raises. A failure after a commit is sticky: the read model
may then hold writes that are not on disk, so every later write is refused until a restart.

PostgreSQL needs no file checks (its driver raises when the server is gone); ``translated``
turns those driver errors into ``StorageUnavailable`` for both databases.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from accord.kernel.errors import StorageUnavailable

__all__ = ["StorageGuard", "StorageUnavailable", "sqlite_file", "translated"]

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for PostgreSQL or an in-memory SQLite."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).resolve()


class StorageGuard:
    """Remembers the SQLite file's identity at start; ``check()`` says if it still holds."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.path = sqlite_file(engine)
        self.lost: str | None = None  # set once a check after a commit failed
        self._lock = threading.Lock()
        self._identity = _identity(self.path) if self.path and self.path.exists() else None

    def check(self) -> None:
        """Raise StorageUnavailable if a write could not be kept (before committing it)."""
        if self.lost:
            raise StorageUnavailable(self.lost)
        if self.path is None:
            return
        try:
            problem = self._problem(self.path)
        except OSError as error:  # a file vanished between two looks, or cannot be examined
            problem = f"the database file {self.path} cannot be examined: {error}"
        if problem:
            raise StorageUnavailable(problem)

    def committed(self) -> None:
        """Check again after a commit: a failure now means the commit may be lost, for good."""
        try:
            self.check()
        except StorageUnavailable as error:
            with self._lock:
                self.lost = self.lost or (
                    f"{error}; a write committed just before may not be on disk, "
                    "so this server refuses writes until it is restarted"
                )
            raise StorageUnavailable(self.lost) from None

    def translated(self) -> AbstractContextManager[None]:
        """The engine's storage errors as StorageUnavailable (see ``translated``)."""
        return translated(self.engine)

    def _problem(self, path: Path) -> str | None:
        # Plain os calls on strings: this runs twice per write (about 8 system calls).
        name, folder = str(path), str(path.parent)
        try:
            status = os.stat(name)
        except FileNotFoundError:
            if not os.path.isdir(folder):
                return f"the database folder {folder} was removed"
            return f"the database file {name} was removed"
        identity = (status.st_dev, status.st_ino)
        if self._identity is None:
            self._identity = identity  # created since start (the first write made it)
        elif identity != self._identity:
            return f"the database file {name} was replaced by another file"
        # SQLite writes the file and its -wal and -shm, and creates files in the folder.
        for part in (name, f"{name}-wal", f"{name}-shm"):
            if not _writable(part, missing_ok=part != name):
                return f"the database file {part} is read-only"
        if not _writable(folder):
            return f"the database folder {folder} is not writable"
        return None


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _writable(path: str, missing_ok: bool = False) -> bool:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return missing_ok
    # access() honours the immutable flag (chattr +i) even for root, but root passes it
    # whatever the mode: a file with no write bit at all was made read-only on purpose, and
    # SQLite running as root would go on writing it, so the bits count too.
    return bool(mode & _WRITE_BITS) and os.access(path, os.W_OK)


@contextmanager
def translated(engine: Engine) -> Iterator[None]:
    """Database errors of the storage kind (file unusable, server gone) as StorageUnavailable."""
    try:
        yield
    except (OperationalError, InterfaceError) as error:
        raise _unavailable(engine, error) from error
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        raise _unavailable(engine, error) from error


def _unavailable(engine: Engine, error: DBAPIError) -> StorageUnavailable:
    where = engine.url.render_as_string(hide_password=True)
    reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    return StorageUnavailable(f"the database {where} cannot be written: {reason}")
