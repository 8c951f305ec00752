"""One running Accord: its settings, database, unit of work, bus and clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine

from accord.config import Settings
from accord.kernel.time import Clock
from accord.service.bus import MessageBus
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.world import World


class Watch(Protocol):
    """Has anyone committed since the last look (adapters.commit_watch.CommitWatch)?"""

    def sync(self, refresh: Callable[[], None]) -> None: ...


@dataclass
class Accord:
    settings: Settings
    engine: Engine
    uow: SqlUnitOfWork
    bus: MessageBus
    clock: Clock
    #: Catches the read model up with what other processes committed, before a read.
    watch: Watch | None = None

    @property
    def world(self) -> World:
        """The read model as last committed: read it once per request, never change it."""
        if self.watch is not None:
            self.watch.sync(self.uow.refresh)  # no stale read: others' commits first
        return self.uow.world

    def now(self) -> dt.datetime:
        """Commands are stamped to the second, in UTC."""
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
