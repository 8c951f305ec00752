"""Rebuild the state from the journal alone: apply every recorded event, in order."""

from __future__ import annotations

from collections.abc import Iterable

from accord.journal.model import Entry
from accord.service.unit_of_work import replayed_events
from accord.service.world import World


def rebuild_world(empty: World, entries: Iterable[Entry]) -> World:
    """The world as the journal says it is, from ``empty``; refused commands recorded no
    events."""
    world = empty
    for entry in entries:
        for event in replayed_events(entry, world.layout):
            world = world.apply(event)
    return world
