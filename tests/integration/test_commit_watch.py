"""No stale read: what another process commits shows through the API's very next GET.

The other process is `accord send` (the CLI's code path, run in-process with its own engine,
unit of work and bus on the same database), on a SQLite file and on the real PostgreSQL.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.adapters.commit_watch import CommitWatch
from accord.entrypoints.cli import app
from tests.api_client import ApiUsers

runner = CliRunner()
PLEDGE = {"unit": "KAZ-ENG-1", "strength": 300, "capabilities": ["engineers"], "readiness_days": 4}


@pytest.fixture
def api_on(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    users = ApiUsers(database_url)
    monkeypatch.setenv("ACCORD_DATABASE_URL", database_url)
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    yield users
    users.close()


def sent_by_cli(api: ApiUsers, tmp_path: Path, command: str, data: dict) -> dict:
    token = tmp_path / "kaz.token"
    token.write_text(api.tokens["KAZ"])
    args = ["send", command, "--json", "--data", json.dumps(data), "--token-file", str(token)]
    sent = runner.invoke(app, args)
    assert sent.exit_code == 0, sent.output
    result: dict = json.loads(sent.output)
    return result


def test_a_case_filed_with_accord_send_is_listed_by_the_very_next_get(api_on, tmp_path):
    before = api_on.get("KAZ", "/cases").json()
    sent = sent_by_cli(
        api_on, tmp_path, "file_request", {"article": "CST-2", "where": "KAZ", "summary": "cli"}
    )
    after = api_on.get("KAZ", "/cases").json()
    assert sent["created"]["case"] not in {case["id"] for case in before}
    assert sent["created"]["case"] in {case["id"] for case in after}


def test_a_unit_pledged_with_accord_send_can_be_read_at_once(api_on, tmp_path):
    sent = sent_by_cli(api_on, tmp_path, "pledge_unit", PLEDGE)
    unit = api_on.get("KAZ", f"/units/{sent['created']['unit']}")
    assert unit.status_code == 200, unit.text
    assert unit.json()["strength"] == 300


def test_the_watch_moves_once_per_commit_by_another_connection(api_on, tmp_path):
    watch = CommitWatch(api_on.accord.engine)
    heads: list[int] = []
    try:
        watch.sync(heads.append)
        assert heads == []
        before = api_on.accord.writer.seq
        sent_by_cli(api_on, tmp_path, "pledge_unit", PLEDGE)
        watch.sync(heads.append)
        assert heads == [before + 1]  # the journal's head as the other process left it
        watch.sync(heads.append)
        assert heads == [before + 1]
    finally:
        watch.close()


def test_readers_arriving_together_share_one_look_and_none_returns_before_the_catch_up(
    api_on, tmp_path
):
    watch = CommitWatch(api_on.accord.engine)
    refreshed: list[float] = []
    returned: list[float] = []
    start = threading.Barrier(16)

    def refresh(head: int) -> None:
        time.sleep(0.05)  # a catch-up that takes a while: the others queue behind it
        refreshed.append(time.monotonic())

    def read() -> None:
        start.wait()
        watch.sync(refresh)
        returned.append(time.monotonic())

    try:
        sent_by_cli(api_on, tmp_path, "pledge_unit", PLEDGE)
        looks = watch.looks
        readers = [threading.Thread(target=read) for _ in range(16)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=30)
        assert len(refreshed) == 1  # one commit, one catch-up, whoever asked
        assert len(returned) == 16
        assert min(returned) >= refreshed[0]  # nobody read the world before it caught up
        # One look each would be 16; those that queued behind a look share the next one.
        assert watch.looks - looks <= 8
    finally:
        watch.close()
