"""One running Accord: its settings, database, unit of work, bus and clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from accord.config import Settings
from accord.kernel.time import Clock
from accord.service.bus import MessageBus
from accord.service.sql_unit_of_work import SqlUnitOfWork


@dataclass
class Accord:
    settings: Settings
    engine: Engine
    uow: SqlUnitOfWork
    bus: MessageBus
    clock: Clock

    def now(self) -> dt.datetime:
        """Commands are stamped to the second, in UTC."""
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
