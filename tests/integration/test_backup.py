"""`accord db backup` and `accord db restore`: an online, consistent copy taken while writes go
on, brought back with a journal that verifies; refused while a server holds the database; bad
input is exit 2 naming the file, and changes nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from accord.adapters.local_state import state_folder
from accord.adapters.server_lock import hold_server_lock
from accord.bootstrap import database_engine, sql_accord
from accord.cases.tables import cases
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.journal.repository import SqlJournal
from accord.journal.verify import verify
from accord.service.replay import rebuild_world
from accord.snapshots.store import snapshot_folder
from tests.histories import ENTRIES_PER_CRISIS, History
from tests.load.servers import postgres_schema

runner = CliRunner()


@pytest.fixture
def configured(database_url, monkeypatch):
    """The database every `accord` command of the test is configured with, two crises in."""
    monkeypatch.setenv("ACCORD_DATABASE_URL", database_url)
    accord = sql_accord(Settings(database_url=database_url, snapshot_every=ENTRIES_PER_CRISIS))
    history = History(accord).crises_of(2)
    yield history
    accord.close()


def journal_of(url: str):
    engine = database_engine(Settings(database_url=url))
    try:
        return list(SqlJournal(engine).entries())
    finally:
        engine.dispose()


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
    after = journal_of(accord.settings.database_url or "")
    assert verify(after).ok
    assert 2 * ENTRIES_PER_CRISIS <= len(after) < len(before)
    assert after == before[: len(after)]  # the journal as of one commit, moved back in time
    assert "moved back in time" in restored.output
    assert f"ends at entry {len(after)}" in restored.output
    assert not list(folder.glob("snapshot-*"))  # the snapshots of later entries are gone
    again = sql_accord(Settings(database_url=accord.settings.database_url))
    try:
        assert again.uow.started_from == 0
        assert again.world == rebuild_world(csto, after)
        with again.engine.connect() as connection:  # the tables as of the journal's commit
            rows = connection.execute(select(func.count()).select_from(cases)).scalar_one()
        assert rows == len(again.world.cases)
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


def test_bad_input_is_exit_2_naming_the_file_and_changes_nothing(configured, tmp_path):
    accord = configured.accord
    before = list(SqlJournal(accord.engine).entries())
    text = tmp_path / "notes.txt"
    text.write_text("not a backup")
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE t (x)")
    postgres_like = tmp_path / "dump.pg"
    postgres_like.write_bytes(b"PGDMP" + b"\0" * 64)
    sqlite_kind = accord.engine.url.get_backend_name() == "sqlite"
    cases_and_reasons = [
        (tmp_path / "missing.backup", "no such file"),
        (text, "not a backup"),
        (foreign, "not an Accord backup" if sqlite_kind else "is a SQLite backup"),
        (
            postgres_like,
            "is a PostgreSQL backup, but the configured database is SQLite"
            if sqlite_kind
            else "not a readable pg_dump archive",
        ),
    ]
    for file, reason in cases_and_reasons:
        answer = runner.invoke(app, ["db", "restore", str(file), "--yes"])
        assert answer.exit_code == 2, (file, answer.output)
        assert str(file) in answer.output
        assert reason in answer.output
        assert "Traceback" not in answer.output
    assert list(SqlJournal(accord.engine).entries()) == before


def test_a_backup_never_overwrites_a_file(configured, tmp_path):
    existing = tmp_path / "precious"
    existing.write_text("keep me")
    answer = runner.invoke(app, ["db", "backup", str(existing)])
    assert answer.exit_code == 2
    assert "exists already" in answer.output
    assert existing.read_text() == "keep me"


def test_a_backup_of_a_database_that_is_not_there_creates_nothing(tmp_path, monkeypatch):
    database = tmp_path / "missing.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", f"sqlite:///{database}")
    answer = runner.invoke(app, ["db", "backup", str(tmp_path / "accord.backup")])
    assert answer.exit_code == 2
    assert f"there is no database at {database}" in answer.output
    assert list(tmp_path.iterdir()) == []


def test_a_sqlite_backup_whose_journal_was_edited_is_not_restored(
    sqlite_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("ACCORD_DATABASE_URL", sqlite_url)
    accord = sql_accord(Settings(database_url=sqlite_url))
    History(accord).crises_of(1)
    backup = tmp_path / "accord.backup"
    assert runner.invoke(app, ["db", "backup", str(backup)]).exit_code == 0
    with sqlite3.connect(backup) as edited:
        edited.execute("UPDATE journal_entries SET actor = 'RUS' WHERE seq = 1")
    History(accord).crises_of(1)
    before = list(SqlJournal(accord.engine).entries())
    accord.close()
    answer = runner.invoke(app, ["db", "restore", str(backup), "--yes"])
    assert answer.exit_code == 1, answer.output
    assert "entry 1" in answer.output
    assert "nothing was restored" in answer.output
    assert journal_of(sqlite_url) == before


def test_a_postgresql_backup_goes_back_into_the_schema_it_was_taken_from(
    postgres_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("ACCORD_DATABASE_URL", postgres_url)
    accord = sql_accord(Settings(database_url=postgres_url))
    History(accord).crises_of(1)
    accord.close()
    backup = tmp_path / "accord.backup"
    assert runner.invoke(app, ["db", "backup", str(backup)]).exit_code == 0
    with postgres_schema() as other:
        monkeypatch.setenv("ACCORD_DATABASE_URL", other)
        answer = runner.invoke(app, ["db", "restore", str(backup), "--yes"])
    assert answer.exit_code == 2, answer.output
    assert "is a backup of schema" in answer.output
    assert "restored into the schema it was taken from" in answer.output


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
