"""Read-model snapshots: start-up from the newest usable one gives the world a full replay
gives, replaying only the tail; one that is tampered with, stale, or bound to another charter
or version of Accord is ignored (and said so in the log), never unpickled unverified."""

from __future__ import annotations

from itertools import pairwise

from accord.bootstrap import configured_charter
from accord.cases.changes import CASES
from accord.exercises.model import EXERCISES
from accord.journal.repository import SqlJournal
from accord.partners.model import INSTRUMENTS
from accord.simulation.bundled import historical_scenarios
from accord.simulation.runner import run_scenario
from accord.snapshots.store import KEPT
from tests.histories import ENTRIES_PER_CRISIS, History
from tests.starting import EVERY, full_replay, snapshots_of, started


def test_a_start_from_a_snapshot_gives_the_world_a_full_replay_gives(database_url, csto):
    first = started(database_url)
    History(first).crises_of(4)
    first.close(final_snapshot=True)
    again = started(database_url)
    try:
        assert again.uow.started_from == 4 * ENTRIES_PER_CRISIS  # nothing left to replay
        assert again.world == full_replay(again, csto)
        assert len(again.world[CASES]) == 4
    finally:
        again.close()


def test_every_context_of_the_bundled_history_survives_a_snapshot(sqlite_url, csto):
    first = started(sqlite_url)
    charter = configured_charter(first.settings)
    for scenario in historical_scenarios():  # the history the demo replays, in one journal
        run_scenario(scenario, charter, SqlJournal(first.engine), first)
    before = first.world
    assert before[EXERCISES].exercises
    assert before[INSTRUMENTS]
    first.close(final_snapshot=True)
    again = started(sqlite_url)
    try:
        assert again.uow.started_from == again.writer.seq > 100
        assert again.world == before
        assert again.world == full_replay(again, csto)
    finally:
        again.close()


def test_start_up_replays_only_the_entries_after_the_snapshot(database_url, csto):
    first = started(database_url)
    history = History(first).crises_of(3)
    first.close(final_snapshot=True)
    # Another process writes on, without snapshots of its own.
    history.accord = started(database_url, snapshot_every=0)
    history.crises_of(1)
    history.accord.close(final_snapshot=True)
    again = started(database_url)
    try:
        assert again.uow.started_from == 3 * ENTRIES_PER_CRISIS
        assert again.writer.seq == 4 * ENTRIES_PER_CRISIS
        assert again.world == full_replay(again, csto)
    finally:
        again.close()


def test_snapshots_are_written_off_the_writer_as_the_journal_grows_and_three_are_kept(sqlite_url):
    accord = started(sqlite_url)
    History(accord).crises_of(10)
    accord.close()  # not a server's clean stop: no final snapshot beyond those due
    seqs = [int(path.stem.split("-")[1]) for path in snapshots_of(accord)]
    assert len(seqs) == KEPT
    assert seqs[-1] > 10 * ENTRIES_PER_CRISIS - EVERY  # the newest is at most EVERY behind
    assert all(later - earlier >= EVERY for earlier, later in pairwise(seqs))
