"""Accords started on a database as `accord serve` starts them, snapshots on, and what the
snapshot tests look at: the snapshot files and a full replay to compare with."""

from __future__ import annotations

from pathlib import Path

from accord.adapters.local_state import state_folder
from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.contexts import empty_world
from accord.journal.repository import SqlJournal
from accord.service.replay import rebuild_world
from accord.snapshots.store import snapshot_folder
from tests.histories import ENTRIES_PER_CRISIS

EVERY = 2 * ENTRIES_PER_CRISIS


def started(url: str, **settings):
    return sql_accord(Settings(**{"database_url": url, "snapshot_every": EVERY, **settings}))


def snapshots_of(accord) -> list[Path]:
    folder = snapshot_folder(state_folder(accord.settings, accord.engine))
    return sorted(folder.glob("snapshot-*.bin"))


def full_replay(accord, charter):
    return rebuild_world(empty_world(charter), SqlJournal(accord.engine).entries())
