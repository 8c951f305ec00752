"""One running Accord: its settings, database, unit of work, bus, writer, clock, token cache
and commit watch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine

from accord.config import Settings
from accord.identity.token_cache import TokenCache
from accord.journal.model import Entry
from accord.kernel.messages import Actor, Command
from accord.kernel.time import Clock
from accord.rules.ruling import Ruling
from accord.service.bus import MessageBus, Result
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.world import World
from accord.service.writer import Writer


class Watch(Protocol):
    """Has anyone committed since the last look (adapters.commit_watch.CommitWatch)?"""

    def sync(self, refresh: Callable[[], None]) -> None: ...
    def close(self) -> None: ...


@dataclass
class Accord:
    settings: Settings
    engine: Engine
    uow: SqlUnitOfWork
    bus: MessageBus
    writer: Writer
    clock: Clock
    tokens: TokenCache  # who a request's API token names, cached across requests
    #: Catches the read model up with what other processes committed, before a read.
    watch: Watch | None = None
    #: Whether a refusal decided at the edge is journaled before its caller is answered: so
    #: in a process that answers once and exits (the CLIs); a server answers first (api.py).
    refusals_wait: bool = True

    @property
    def world(self) -> World:
        """The read model as last committed, by this process or another: read it once per
        request; it never changes."""
        if self.watch is not None:
            self.watch.sync(self._catch_up)  # no stale read: others' commits first
        return self.writer.snapshot

    def handle(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result:
        """The command handled by the one writer, answered once it is on disk and readable."""
        return self.writer.call(lambda bus: bus.handle_within(command, actor, at, request_key))

    def record_refusal(
        self, command: str, actor: Actor, at: dt.datetime, ruling: Ruling, payload: dict[str, Any]
    ) -> Entry | Future[Entry]:
        """A refusal decided at the edge (a permission denied, a record not released, a login
        throttled), journaled by the one writer. A server hands it over without waiting
        (``refusals_wait`` off): the denied caller's answer does not wait for the write, and
        a burst of them shares one group commit; ``settle`` waits for them."""

        def work(bus: MessageBus) -> Entry:
            return bus.record_refusal_within(command, actor, at, ruling, payload)

        return self.writer.call(work) if self.refusals_wait else self.writer.submit(work)

    def settle(self) -> None:
        """Wait until every refusal handed to the writer so far is in the journal."""
        self.writer.settle()

    def _catch_up(self) -> None:
        # The watch moves with this process's own commits too: only a journal that has grown
        # past what the writer published is worth a trip through the writer.
        if self.uow.committed_seq() > self.writer.seq:
            self.writer.catch_up()

    def now(self) -> dt.datetime:
        """Commands are stamped to the second, in UTC."""
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def close(self) -> None:
        """Finish the waiting writes, stop the writer, release the database."""
        self.writer.close()
        self.tokens.close()
        if self.watch is not None:
            self.watch.close()
        self.engine.dispose()
