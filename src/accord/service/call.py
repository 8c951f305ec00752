"""The call a handler handles: the world to read, the actor, the time, and where to put events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from accord.kernel.messages import Actor, Event
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because
from accord.service.world import World


@dataclass
class Call:
    world: World
    actor: Actor
    at: dt.datetime
    events: list[Event] = field(default_factory=list)

    @property
    def day(self) -> dt.date:
        return self.at.date()

    @cached_property
    def rulebook(self) -> Rulebook:
        """The rulebook at the command's instant: a status decided at 11:09 holds from 11:09."""
        return self.world.rulebook(self.at)

    def because(self, question: str) -> Because:
        return Because(question, self.day)

    def emit(self, event: Event) -> None:
        self.events.append(event)
