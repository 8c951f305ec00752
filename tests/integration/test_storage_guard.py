"""Durable or refused: a SQLite file removed, replaced or read-only is noticed before a write is
acknowledged, named in the answer (503, `accord send` exit 5), and /health says so."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.adapters.storage_guard import StorageGuard, StorageUnavailable
from accord.entrypoints.cli import app
from accord.journal.repository import SqlJournal
from tests.api_client import ApiUsers

REQUEST = {"article": "CST-2", "where": "KAZ", "summary": "a request"}


@pytest.fixture
def api(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    users = ApiUsers(f"sqlite:///{folder / 'accord.db'}")
    yield users
    users.close()


def database(api: ApiUsers) -> Path:
    return Path(str(api.accord.engine.url.database))


def journaled(api: ApiUsers) -> int:
    return len(list(SqlJournal(api.accord.engine).entries()))


def test_a_request_filed_on_a_healthy_database_is_acknowledged_and_health_is_ok(api):
    assert api.post("KAZ", "/cases", REQUEST).status_code == 201
    assert api.client.get("/health").json() == {"status": "ok"}


def test_a_database_folder_moved_away_refuses_writes_with_503_naming_the_folder(api, tmp_path):
    api.post("KAZ", "/cases", REQUEST)
    folder = database(api).parent
    folder.rename(tmp_path / "elsewhere")
    answer = api.post("KAZ", "/cases", REQUEST)
    health = api.client.get("/health")
    (tmp_path / "elsewhere").rename(folder)
    assert answer.status_code == 503
    assert answer.json()["detail"] == (
        f"storage unavailable: the database folder {folder} was removed"
    )
    assert (health.status_code, health.json()["status"]) == (503, "unavailable")
    assert str(folder) in health.json()["detail"]
    assert journaled(api) == 1  # the refused request was never written


def test_a_replaced_database_file_refuses_writes(api, tmp_path):
    path = database(api)
    aside = tmp_path / "original.db"
    path.rename(aside)
    shutil.copy(aside, path)
    answer = api.post("KAZ", "/cases", REQUEST)
    assert answer.status_code == 503
    assert f"the database file {path} was replaced by another file" in answer.json()["detail"]


def test_a_database_file_without_write_bits_is_read_only_even_for_root(api):
    path = database(api)
    path.chmod(0o444)
    try:
        refused = api.post("KAZ", "/cases", REQUEST)
    finally:
        path.chmod(0o644)
    again = api.post("KAZ", "/cases", REQUEST)
    assert refused.status_code == 503
    assert f"the database file {path} is read-only" in refused.json()["detail"]
    assert again.status_code == 201  # repaired: writes are taken again
    assert journaled(api) == 1


def test_a_write_ahead_log_made_read_only_refuses_writes(api):
    api.post("KAZ", "/cases", REQUEST)
    wal = Path(f"{database(api)}-wal")
    wal.chmod(0o400)
    try:
        answer = api.post("KAZ", "/cases", REQUEST)
    finally:
        wal.chmod(0o644)
    assert answer.status_code == 503
    assert f"the database file {wal} is read-only" in answer.json()["detail"]


def test_a_check_failing_after_a_commit_refuses_every_later_write_until_restart(api, tmp_path):
    guard = StorageGuard(api.accord.engine)
    path = database(api)
    path.chmod(0o444)
    try:
        with pytest.raises(StorageUnavailable, match="is read-only"):
            guard.committed()
    finally:
        path.chmod(0o644)
    with pytest.raises(StorageUnavailable, match="refuses writes until it is restarted"):
        guard.check()
    StorageGuard(api.accord.engine).check()  # a new server (a restart) finds it healthy


def test_accord_send_on_a_read_only_database_exits_5_with_the_reason(api, tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_DATABASE_URL", str(api.accord.engine.url))
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    token = tmp_path / "kaz.token"
    token.write_text(api.tokens["KAZ"])
    path = database(api)
    os.chmod(path, 0o444)
    try:
        sent = CliRunner().invoke(
            app, ["send", "file_request", "--data", json.dumps(REQUEST), "--token-file", str(token)]
        )
    finally:
        os.chmod(path, 0o644)
    assert sent.exit_code == 5, sent.output
    assert f"storage unavailable: the database file {path} is read-only" in sent.output
    assert "Traceback" not in sent.output
    assert journaled(api) == 0
