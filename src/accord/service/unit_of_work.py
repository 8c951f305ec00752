"""The unit of work: a command's events and its journal entry are kept together or not at all."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from accord.journal.model import Entry
from accord.journal.store import InMemoryJournal, Journal
from accord.kernel.errors import AccordError
from accord.kernel.messages import Event, message_from_dict
from accord.service.world import Layout, World


class JournalHead(Protocol):
    """What the bus needs of the journal: how many entries, and the last one's hash."""

    def __len__(self) -> int: ...
    @property
    def last_hash(self) -> str: ...


class UnitOfWork(Protocol):
    @property
    def world(self) -> World: ...
    @property
    def journal(self) -> JournalHead: ...

    def transaction(self) -> AbstractContextManager[None]: ...
    def commit(self, entry: Entry, events: list[Event]) -> None: ...
    def find(self, request_key: str) -> Entry | None: ...


class WriteFailed(AccordError):
    """A command's entry or rows could not be written: its whole transaction is void."""

    def __init__(self, command: str, cause: Exception) -> None:
        super().__init__(f"{command}: the database refused the write ({type(cause).__name__})")
        self.cause = cause


def replayed_events(entry: Entry, layout: Layout) -> Iterator[Event]:
    """The events a journal entry records, rebuilt."""
    for recorded in entry.events:
        event_type = layout.event_type(recorded["name"])
        if event_type is None:
            raise ValueError(f"journal entry {entry.seq}: unknown event {recorded['name']!r}")
        yield message_from_dict(event_type, recorded["data"])


class InMemoryUnitOfWork:
    """State in memory; the journal in memory or in a file. One writer at a time."""

    def __init__(self, world: World, journal: Journal | None = None) -> None:
        self.world = world
        self.journal: Journal = journal if journal is not None else InMemoryJournal()
        self._lock = threading.RLock()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            yield

    def find(self, request_key: str) -> Entry | None:
        return next((e for e in self.journal.entries() if e.request_key == request_key), None)

    def commit(self, entry: Entry, events: list[Event]) -> None:
        world = self.world
        for event in events:
            world = world.apply(event)
        # The journal first: if it cannot be written, the state is left untouched.
        self.journal.append(entry)
        self.world = world
