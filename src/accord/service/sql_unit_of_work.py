"""The unit of work on a database: journal entries and the context tables in one transaction.

Writers take the journal's head in turn (a row lock; BEGIN IMMEDIATE on SQLite): the hash
chain is a total order, so commands are serialised and no update is lost. Inside a
transaction ``world`` is the writer's working world, a new immutable snapshot per command;
only once the database has committed does it become the world everyone reads, so a failed
transaction leaves nothing to undo. Before each transaction it catches up with the entries
other processes wrote.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Protocol

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from accord.journal import repository as journal
from accord.journal.model import GENESIS, Entry
from accord.kernel.errors import StorageUnavailable
from accord.kernel.messages import Event
from accord.service.unit_of_work import WriteFailed, replayed_events
from accord.service.world import World

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

    def __init__(self, seq: int = 0, last_hash: str = GENESIS) -> None:
        self.seq, self.last_hash = seq, last_hash

    def __len__(self) -> int:
        return self.seq

    def after(self, entry: Entry) -> Head:
        return Head(entry.seq, entry.hash)


class SqlUnitOfWork:
    def __init__(
        self,
        engine: Engine,
        empty: World,
        projectors: Sequence[Projector],
        guard: Guard | None = None,
        start: tuple[World, int, str] | None = None,
    ) -> None:
        """``start``: a world already built from the journal up to an entry (seq, hash), a
        read-model snapshot's: only the entries after it are replayed; else the journal is
        replayed whole over ``empty``."""
        self.engine = engine
        self.projectors = projectors
        self.guard = guard or _NoGuard()
        #: The world and journal head as last committed; inside a transaction, the working ones.
        self.world, self.journal = empty, Head()
        if start is not None:
            self.world, self.journal = start[0], Head(start[1], start[2])
        #: The seq the read model started from (0: the journal replayed from its first entry).
        self.started_from = self.journal.seq
        self._lock = threading.RLock()
        self._connection: Connection | None = None
        #: The entries (and their events) committed in the open transaction, to be written.
        self._pending: list[tuple[Entry, list[Event]]] = []
        self.refresh()

    def refresh(self) -> None:
        """Catch the world up with entries written since (by this or another process)."""
        with self._lock, self.guard.translated(), self.engine.connect() as connection:
            self.world, self.journal = self._caught_up(connection, self.world, self.journal)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            committed = self.world, self.journal
            self._pending = []
            try:
                self.guard.check()  # before writing: the reason, not the driver's symptom
                with self.guard.translated(), self._writing() as connection:  # driver errors
                    with connection.begin():
                        journal.lock_head(connection)
                        self.world, self.journal = self._caught_up(connection, *committed)
                        self._connection = connection
                        yield
                        self._write_pending(connection)
                        self.guard.check()  # before the commit
                    # After it: a file removed or replaced meanwhile took the commit with it,
                    # and nothing of this transaction is acknowledged.
                    self.guard.committed()
            except SQLAlchemyError as error:
                self.world, self.journal = committed
                raise StorageUnavailable(f"the database did not commit: {error}") from error
            except BaseException:
                self.world, self.journal = committed
                raise
            finally:
                self._connection, self._pending = None, []

    def _writing(self) -> Connection:
        return self.engine.connect().execution_options(writing=True)

    def commit(self, entry: Entry, events: list[Event]) -> None:
        """One command's entry and events: the working world moves on at once; the entries
        and rows are written together when the transaction ends (one statement per table for
        the whole group, not one per command)."""
        assert self._connection is not None, "commit() runs inside transaction()"
        world = self.world
        for event in events:
            world = world.apply(event)
        self._pending.append((entry, events))
        self.world, self.journal = world, self.journal.after(entry)

    def find(self, request_key: str) -> Entry | None:
        assert self._connection is not None, "find() runs inside transaction()"
        pending = (entry for entry, _ in self._pending if entry.request_key == request_key)
        with self._storage_errors("find"):
            return next(pending, None) or journal.find(self._connection, request_key)

    def _write_pending(self, connection: Connection) -> None:
        """The group's entries and rows; any failure fails the whole group (WriteFailed), and
        the writer then writes its commands again, one per transaction, to find the culprit."""
        entries = [entry for entry, _ in self._pending]
        events = [event for _, happened in self._pending for event in happened]
        with self._storage_errors(", ".join(dict.fromkeys(entry.command for entry in entries))):
            journal.append(connection, entries)
            for project in self.projectors:
                project(connection, self.world, events)

    @contextmanager
    def _storage_errors(self, doing: str) -> Iterator[None]:
        """Values the database refuses fail the write (WriteFailed); a connection or file it
        cannot use is the storage's fault (StorageUnavailable), whatever the driver calls it."""
        try:
            with self.guard.translated():
                yield
        except StorageUnavailable:
            raise
        except (IntegrityError, DataError) as error:
            raise WriteFailed(doing, error) from error
        except SQLAlchemyError as error:
            raise StorageUnavailable(f"the database did not take the write: {error}") from error
        except Exception as error:
            raise WriteFailed(doing, error) from error

    @staticmethod
    def _caught_up(connection: Connection, world: World, head: Head) -> tuple[World, Head]:
        for entry in journal.entries_after(connection, head.seq):
            for event in replayed_events(entry, world.layout):
                world = world.apply(event)
            head = head.after(entry)
        return world, head
