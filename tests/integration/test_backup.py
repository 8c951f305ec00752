"""`accord db backup` and `accord db restore`: an online, consistent copy taken while writes go
on, brought back with a journal that verifies; refused while a server holds the database; bad
input is exit 2 naming the file, and changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import CliRunner

from accord.adapters.local_state import state_folder
from accord.adapters.server_lock import hold_server_lock
from accord.bootstrap import sql_accord
from accord.cases.changes import CASES
from accord.cases.tables import cases
from accord.config import Settings
from accord.contexts import empty_world
from accord.entrypoints.cli import app
from accord.journal.repository import SqlJournal
from accord.journal.verify import verify
from accord.service.replay import rebuild_world
from accord.snapshots.store import snapshot_folder
from tests.cli_tokens import configured_journal
from tests.histories import ENTRIES_PER_CRISIS, History

runner = CliRunner()


def test_a_backup_taken_while_writes_go_on_restores_a_consistent_journal_that_verifies(
    configured, tmp_path, csto
):
    accord, backup = configured.accord, tmp_path / "accord.backup"
    stop = threading.Event()

    def keep_writing():
        while not stop.is_set():
            configured.crisis()

    writing = threading.Thread(target=keep_writing)
    writing.start()
    try:
        backed = runner.invoke(app, ["db", "backup", str(backup)])
    finally:
        stop.set()
        writing.join()
    assert backed.exit_code == 0, backed.output
    assert "chain verified" in backed.output
    configured.crisis()  # the journal goes on past the backup
    before = list(SqlJournal(accord.engine).entries())
    accord.close(final_snapshot=True)
    folder = snapshot_folder(state_folder(accord.settings, accord.engine))
    assert list(folder.glob("snapshot-*"))

    restored = runner.invoke(app, ["db", "restore", str(backup), "--yes"])

    assert restored.exit_code == 0, restored.output
    after = configured_journal()
    assert verify(after).ok
    assert 2 * ENTRIES_PER_CRISIS <= len(after) < len(before)
    assert after == before[: len(after)]  # the journal as of one commit, moved back in time
    assert "moved back in time" in restored.output
    assert f"ends at entry {len(after)}" in restored.output
    assert not list(folder.glob("snapshot-*"))  # the snapshots of later entries are gone
    again = sql_accord(Settings(database_url=accord.settings.database_url))
    try:
        assert again.uow.started_from == 0
        assert again.world == rebuild_world(empty_world(csto), after)
        with again.engine.connect() as connection:  # the tables as of the journal's commit
            rows = connection.execute(select(func.count()).select_from(cases)).scalar_one()
        assert rows == len(again.world[CASES])
    finally:
        again.close()


def test_a_restore_is_refused_while_a_server_holds_the_database(configured, tmp_path):
    accord, backup = configured.accord, tmp_path / "accord.backup"
    assert runner.invoke(app, ["db", "backup", str(backup)]).exit_code == 0
    configured.crisis()
    before = list(SqlJournal(accord.engine).entries())
    with hold_server_lock(accord.engine):
        refused = runner.invoke(app, ["db", "restore", str(backup), "--yes"])
    assert refused.exit_code == 3, refused.output
    assert "another Accord server is running" in refused.output
    assert list(SqlJournal(accord.engine).entries()) == before


def test_a_restore_into_an_empty_sqlite_file_gives_the_same_world(
    sqlite_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("ACCORD_DATABASE_URL", sqlite_url)
    accord = sql_accord(Settings(database_url=sqlite_url))
    History(accord).crises_of(2)
    world, backup = accord.world, tmp_path / "accord.backup"
    accord.close()
    assert runner.invoke(app, ["db", "backup", str(backup)]).exit_code == 0
    fresh = f"sqlite:///{Path(tmp_path) / 'fresh.db'}"
    monkeypatch.setenv("ACCORD_DATABASE_URL", fresh)
    answer = runner.invoke(app, ["db", "restore", str(backup), "--yes"])
    assert answer.exit_code == 0, answer.output
    again = sql_accord(Settings(database_url=fresh))
    try:
        assert again.world == world
    finally:
        again.close()
