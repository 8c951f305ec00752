"""One running Accord: its settings, database, unit of work, bus and clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from accord.config import Settings
from accord.identity.token_cache import TokenCache
from accord.kernel.time import Clock
from accord.service.bus import MessageBus
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.world import World


@dataclass
class Accord:
    settings: Settings
    engine: Engine
    uow: SqlUnitOfWork
    bus: MessageBus
    clock: Clock
    tokens: TokenCache  # who a request's API token names, cached across requests

    @property
    def world(self) -> World:
        """The read model as last committed: read it once per request, never change it."""
        return self.uow.world

    def now(self) -> dt.datetime:
        """Commands are stamped to the second, in UTC."""
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
