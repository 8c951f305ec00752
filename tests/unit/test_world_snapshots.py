"""The read model is a chain of immutable snapshots: applying an event never changes the old one."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from accord.cases.changes import CASES
from accord.contexts import empty_world
from accord.journal.store import InMemoryJournal
from accord.service.unit_of_work import replayed_events
from accord.service.world import World
from accord.simulation.bundled import load_bundled, scenario_files
from accord.simulation.runner import run_scenario

SCENARIOS = scenario_files()


def records(world: World) -> bytes:
    """Every record the world holds, as bytes (the charter it runs on is shared, not kept)."""
    return pickle.dumps((dict(world.state), world.version))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name.removesuffix(".yaml") for p in SCENARIOS])
def test_no_event_of_a_bundled_scenario_changes_the_snapshot_it_is_applied_to(path, csto):
    journal = InMemoryJournal()
    run_scenario(load_bundled(path), csto, journal)
    world, applied = empty_world(csto), 0
    for entry in journal.entries():
        for event in replayed_events(entry, world.layout):
            before = records(world)
            after = world.apply(event)
            assert records(world) == before, f"{event.type_name} changed the snapshot"
            assert after.version == world.version + 1
            world, applied = after, applied + 1
    assert applied > 0


def test_a_snapshot_refuses_to_be_changed_in_place(csto):
    world = empty_world(csto)
    with pytest.raises(dataclasses.FrozenInstanceError):
        world.state = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        world.state[CASES.name] = {}  # type: ignore[index]
