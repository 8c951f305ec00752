"""The unit of work on a database: the journal entry and the context tables in one transaction.

Writers take the journal's head in turn (a row lock; BEGIN IMMEDIATE on SQLite): the hash
chain is a total order, so commands are serialised and no update is lost. The world in memory
is the read model; before each command it catches up with entries other processes wrote.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Protocol

from sqlalchemy import Connection, Engine

from accord.journal import repository as journal
from accord.journal.model import GENESIS, Entry
from accord.kernel.errors import StorageUnavailable
from accord.kernel.messages import Event, message_from_dict
from accord.rules.charter import Charter
from accord.service.world import EVENT_TYPES, World

#: Writes the rows of one context's tables for the events of one command.
Projector = Callable[[Connection, World, Sequence[Event]], None]


class Guard(Protocol):
    """Durable or refused (adapters.storage_guard.StorageGuard): raises StorageUnavailable."""

    def check(self) -> None: ...
    def committed(self) -> None: ...
    def translated(self) -> AbstractContextManager[None]: ...


class _NoGuard:
    def check(self) -> None:
        pass

    def committed(self) -> None:
        pass

    def translated(self) -> AbstractContextManager[None]:
        return nullcontext()


class Head:
    """The journal as the bus sees it inside a transaction: its length and last hash."""

    def __init__(self) -> None:
        self.seq, self.last_hash = 0, GENESIS

    def __len__(self) -> int:
        return self.seq

    def append(self, entry: Entry) -> None:
        self.seq, self.last_hash = entry.seq, entry.hash

    def entries(self) -> Iterator[Entry]:
        raise NotImplementedError("read the journal with journal.repository.SqlJournal")


class SqlUnitOfWork:
    def __init__(
        self,
        engine: Engine,
        charter: Charter,
        projectors: Sequence[Projector],
        guard: Guard | None = None,
    ) -> None:
        self.engine = engine
        self.guard = guard or _NoGuard()
        self.charter = charter
        self.projectors = projectors
        self.world = World(charter)
        self.journal = Head()
        self._lock = threading.RLock()
        self._connection: Connection | None = None
        self.refresh()

    def refresh(self) -> None:
        """Catch the world up with entries written since (by this or another process)."""
        with self._lock, self.guard.translated(), self.engine.connect() as connection:
            self._catch_up(connection)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            connection = self.engine.connect().execution_options(writing=True)
            try:
                with self.guard.translated():  # storage: driver errors -> StorageUnavailable
                    with connection.begin():
                        journal.lock_head(connection)
                        self._catch_up(connection)
                        self._connection = connection
                        yield
                        self.guard.check()  # storage: before the commit
                    self.guard.committed()  # storage: after it, or nothing is acknowledged
            except BaseException:
                self._reload()
                raise
            finally:
                self._connection = None
                connection.close()

    def commit(self, entry: Entry, events: list[Event]) -> None:
        assert self._connection is not None, "commit() runs inside transaction()"
        journal.append(self._connection, entry)
        for event in events:
            self.world.apply(event)
        for project in self.projectors:
            project(self._connection, self.world, events)
        self.journal.append(entry)

    def find(self, request_key: str) -> Entry | None:
        assert self._connection is not None, "find() runs inside transaction()"
        return journal.find(self._connection, request_key)

    def _catch_up(self, connection: Connection) -> None:
        for entry in journal.entries_after(connection, self.journal.seq):
            for recorded in entry.events:
                event_type = EVENT_TYPES[recorded["name"]]
                self.world.apply(message_from_dict(event_type, recorded["data"]))
            self.journal.append(entry)

    def _reload(self) -> None:
        """After a failed transaction the world may hold uncommitted events: rebuild it."""
        self.world = World(self.charter)
        self.journal = Head()
        try:
            with self.guard.translated(), self.engine.connect() as connection:
                self._catch_up(connection)
        except StorageUnavailable:
            # Storage gone: keep the empty world rather than a part of it, and let the
            # transaction's own error be the one reported. The next refresh starts afresh.
            self.world = World(self.charter)
            self.journal = Head()
