"""The state of Accord: every context's records, changed only by applying events.

The world names no context: its parts are the ones the contexts declare
(``accord.service.contexts.Part``), read as ``world[CASES]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeVar

from accord.kernel.messages import Event
from accord.rules.charter import Charter
from accord.rules.rulebook import Rulebook
from accord.service.contexts import Part, PartKey, Port

T = TypeVar("T")


@dataclass(frozen=True)
class Layout:
    """What a world is made of: the declared parts, and the events that change them."""

    parts: tuple[Part[Any], ...]
    event_types: Mapping[str, type[Event]]
    #: What contexts answer for each other, by port name (``accord.service.contexts.Port``).
    ports: Mapping[str, Any] = field(default_factory=dict)

    def event_type(self, name: str) -> type[Event] | None:
        return self.event_types.get(name)


@dataclass(frozen=True)
class World:
    """The charter Accord runs on and every record kept since: an immutable snapshot.

    ``apply`` gives a new world and leaves this one as it was, so a reader holding a snapshot
    never sees a command half-applied, whatever the writer does meanwhile. Unchanged records
    are shared between snapshots, never copied.
    """

    base: Charter
    layout: Layout
    #: Each part's state, by the part's name (read-only: a snapshot is never changed).
    state: Mapping[str, Any]
    #: How many events made this world: a snapshot's version.
    version: int = 0
    #: The charter with the parts' changes laid over it, shared by every world whose charter
    #: parts are the same ones (most events touch no charter part).
    _charter: dict[str, Charter] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def empty(cls, charter: Charter, layout: Layout) -> World:
        return cls(charter, layout, MappingProxyType({p.name: p.empty() for p in layout.parts}))

    def __getitem__(self, part: PartKey[T]) -> T:
        found: T = self.state[part.name]
        return found

    def port(self, port: Port[T]) -> T:
        """What another context answers through ``port``, for this world's contexts."""
        provided: T = self.layout.ports[port.name]
        return provided

    def charter(self) -> Charter:
        """The charter with the changes recorded in Accord (accessions, say) laid over it."""
        if (cached := self._charter.get("charter")) is None:
            cached = self.base
            for part in self.layout.parts:
                if part.over is not None:
                    cached = part.over(self.state[part.name], cached)
            self._charter["charter"] = cached
        return cached

    def rulebook(self, when: dt.date) -> Rulebook:
        """The rulebook as of a day, or of an instant (a ``datetime``): see ``Rulebook``."""
        return Rulebook.as_of(self.charter(), when)

    def apply(self, event: Event) -> World:
        """The world after ``event``; this one is left unchanged."""
        for part in self.layout.parts:
            changed = part.apply(self.state[part.name], event)
            if changed is not None:
                state = MappingProxyType({**self.state, part.name: changed})
                charter = self._charter if part.over is None else {}
                return World(self.base, self.layout, state, self.version + 1, charter)
        raise TypeError(f"no context applies the event {event.type_name}")
