"""Rebuild the state from the journal alone: apply every recorded event, in order."""

from __future__ import annotations

from collections.abc import Iterable

from accord.journal.model import Entry
from accord.kernel.messages import message_from_dict
from accord.rules.charter import Charter
from accord.service.world import EVENT_TYPES, World


def rebuild_world(charter: Charter, entries: Iterable[Entry]) -> World:
    """The world as the journal says it is; refused commands recorded no events."""
    world = World(charter)
    for entry in entries:
        for recorded in entry.events:
            event_type = EVENT_TYPES.get(recorded["name"])
            if event_type is None:
                raise ValueError(f"journal entry {entry.seq}: unknown event {recorded['name']!r}")
            world.apply(message_from_dict(event_type, recorded["data"]))
    return world
