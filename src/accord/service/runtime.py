"""One running Accord: its settings, database, unit of work, bus, writer, clock, token cache
and commit watch."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine

from accord.config import Settings
from accord.identity.token_cache import TokenCache
from accord.journal.model import Entry
from accord.journal.seal import JournalSeal
from accord.kernel.errors import StorageUnavailable
from accord.kernel.messages import Actor, Command
from accord.kernel.time import Clock
from accord.rules.ruling import Ruling
from accord.service.bus import MessageBus, Result
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.world import World
from accord.service.writer import Writer

log = logging.getLogger(__name__)


class Watch(Protocol):
    """Has anyone committed since the last look (adapters.commit_watch.CommitWatch)?"""

    def sync(self, refresh: Callable[[int], None]) -> None: ...
    def close(self) -> None: ...


class Snapshots(Protocol):
    """Writes read-model snapshots as the journal grows (snapshots.keeper.SnapshotKeeper)."""

    def close(self, final: bool = False) -> None: ...


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
    #: Saves the read model now and then, so that the next start replays only the tail.
    snapshots: Snapshots | None = None
    #: The journal's Merkle tree and signed heads; None when the journal failed its check.
    seal: JournalSeal | None = None
    #: Why this Accord serves read-only: its journal failed its check at start.
    unsound: str | None = None

    @property
    def read_only(self) -> str | None:
        """Why no write is taken (the journal failed its check), or None."""
        return self.unsound or (self.seal.unsound if self.seal is not None else None)

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
        self._writable()
        return self.writer.call(lambda bus: bus.handle_within(command, actor, at, request_key))

    async def handle_soon(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result:
        """``handle`` for an event loop: awaits the writer's answer without holding a thread."""
        self._writable()
        work = self.writer.submit(lambda bus: bus.handle_within(command, actor, at, request_key))
        return await asyncio.wrap_future(work)

    def record_refusal(
        self, command: str, actor: Actor, at: dt.datetime, ruling: Ruling, payload: dict[str, Any]
    ) -> Entry | Future[Entry] | None:
        """A refusal decided at the edge (a permission denied, a record not released, a login
        throttled), journaled by the one writer. A server hands it over without waiting
        (``refusals_wait`` off): the denied caller's answer does not wait for the write, and
        a burst of them shares one group commit; ``settle`` waits for them. A read-only server
        writes nothing: the refusal goes to its log, and the caller is answered all the same
        (a 503 for a hidden record would tell it exists)."""
        if self.read_only:
            log.warning("read-only, not journaled: %s by %s: %s", command, actor.id, ruling)
            return None

        def work(bus: MessageBus) -> Entry:
            return bus.record_refusal_within(command, actor, at, ruling, payload)

        return self.writer.call(work) if self.refusals_wait else self.writer.hand_over(work)

    def settle(self) -> None:
        """Wait until every refusal handed to the writer so far is in the journal."""
        self.writer.settle()

    def _writable(self) -> None:
        if self.read_only:
            raise StorageUnavailable(f"this server is read-only: {self.read_only}")

    def _catch_up(self, head: int) -> None:
        if self.unsound:
            return  # nothing is taken from a journal that failed its check
        # The watch moves with this process's own commits too: only a journal that has grown
        # past what the writer published is worth a trip through the writer.
        if head > self.writer.seq:
            self.writer.catch_up()

    def now(self) -> dt.datetime:
        """Commands are stamped to the second, in UTC."""
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def close(self, final_snapshot: bool = False) -> None:
        """Finish the waiting writes, stop the writer, release the database. A server stopping
        cleanly asks for ``final_snapshot``: its next start then replays nothing."""
        self.writer.close()
        if self.seal is not None:
            self.seal.close()  # the last head signed before the database goes
        if self.snapshots is not None:
            self.snapshots.close(final_snapshot)
        self.tokens.close()
        if self.watch is not None:
            self.watch.close()
        self.engine.dispose()
