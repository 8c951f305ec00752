"""Builders for tests: a fresh Accord in memory and a way to act in it by name."""

from __future__ import annotations

import datetime as dt

from accord.bootstrap import in_memory_bus
from accord.kernel.messages import Command
from accord.rules.charter import Charter
from accord.service.actors import resolve_actor
from accord.service.bus import MessageBus, Result


class InMemoryAccord:
    """A bus on the bundled charter with a clock that moves a minute per command."""

    def __init__(self, charter: Charter, start: dt.datetime) -> None:
        self.bus: MessageBus = in_memory_bus(charter)
        self.now = start

    @property
    def world(self):
        return self.bus.uow.world

    @property
    def journal(self):
        return self.bus.uow.journal

    def do(self, by: str, command: Command, at: dt.datetime | None = None) -> Result:
        self.now = at or self.now + dt.timedelta(minutes=1)
        actor = resolve_actor(self.world, by, self.now.date())
        return self.bus.handle(command, actor, self.now)
