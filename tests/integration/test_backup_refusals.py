"""`accord db backup` and `accord db restore` refuse what they cannot do: exit 2 for bad input
naming the file and the rule (no such file, not a backup, a backup of the other kind of
database or of another schema, a file that exists, no database), exit 1 for a backup whose
journal does not verify; nothing changes."""

from __future__ import annotations

import sqlite3

from typer.testing import CliRunner

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.journal.repository import SqlJournal
from tests.cli_tokens import configured_journal
from tests.forgery import edit_in_place
from tests.histories import History
from tests.load.servers import postgres_schema

runner = CliRunner()


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
    edit_in_place(f"sqlite:///{backup}", 1, b'"actor":"', b'"actor":"RUS')
    History(accord).crises_of(1)
    before = list(SqlJournal(accord.engine).entries())
    accord.close()
    answer = runner.invoke(app, ["db", "restore", str(backup), "--yes"])
    assert answer.exit_code == 1, answer.output
    assert "entry 1" in answer.output
    assert "nothing was restored" in answer.output
    assert configured_journal() == before


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
