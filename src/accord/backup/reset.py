"""The hook for a journal that moved back in time: restored from a backup, or wiped (the demo).

What the server keeps outside the database about this database must then be brought back in
line with it, or it would describe entries the journal no longer has: the read-model snapshots
(removed here: the next start replays the restored journal and writes new ones), and the
latest signed journal head, which would name a later head than the journal's and read as a
cut-off tail. ``reset_local_state`` is the one place where both are reset: the seal is
forgotten, so the next start checks the restored journal whole, once, and signs it anew.
Delegations that audit keep the heads they saw: to them a restore is a history rewritten, as
it should be (their next audit says so).
"""

from __future__ import annotations

from sqlalchemy import Engine

from accord.adapters.local_state import state_folder
from accord.config import Settings
from accord.journal.seal_files import SealFiles
from accord.snapshots.store import remove_snapshots, snapshot_folder


def reset_local_state(settings: Settings, engine: Engine) -> list[str]:
    """Reset what the server keeps outside the database about it; a line for each thing done."""
    folder = state_folder(settings, engine)
    removed = remove_snapshots(snapshot_folder(folder))
    done = [f"removed {removed} read-model snapshot(s) of this database from {folder}"]
    SealFiles(folder).forget()
    done.append(f"forgot the signed journal head of this database in {folder}")
    return done
