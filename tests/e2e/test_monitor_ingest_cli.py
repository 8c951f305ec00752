"""`accord monitor ingest` goes through the same edge as `POST /monitor/ingest`: a token's
owner, the analyst's permission, and the same journal entry with the file's SHA-256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from tests.cli_tokens import configured_journal, users_with_tokens
from tests.monitoring.reading import SHARED_DATA

runner = CliRunner()
UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The CLI on a fresh database and event store, with an analyst's and a delegate's token."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "cli-events.duckdb"))
    monkeypatch.delenv("ACCORD_TOKEN", raising=False)
    users = [("analyst", "analyst", None), ("kaz", "delegation", "KAZ")]
    return users_with_tokens(url, users)


def ingest(token: str | None, *options: str):
    env = {"ACCORD_TOKEN": token} if token is not None else {}
    return runner.invoke(
        app, ["monitor", "ingest", str(UCDP), "--format", "ucdp", *options], env=env
    )


def upload(api, who: str):
    return api.client.post(
        "/monitor/ingest",
        params={"format": "ucdp", "name": UCDP.name},
        content=UCDP.read_bytes(),
        headers=api.headers(who, **{"Content-Type": "text/csv"}),
    )


def test_the_cli_ingest_is_journaled_exactly_like_the_apis(cli, api):
    assert upload(api, "analyst").status_code == 201
    by_api = api.get("admin", "/journal").json()[-1]
    done = ingest(cli["analyst"], "--json")
    assert done.exit_code == 0, done.output
    out = json.loads(done.output)
    assert (out["command"], out["allowed"], out["rows_added"]) == ("record_event_file", True, 1000)
    (entry,) = configured_journal()
    assert (entry.command, entry.actor, entry.allowed, entry.payload) == (
        by_api["command"],
        by_api["actor"],
        by_api["allowed"],
        by_api["payload"],
    )
    assert entry.payload["sha256"] == hashlib.sha256(UCDP.read_bytes()).hexdigest()
    assert out["journal_seq"] == entry.seq


def test_a_cli_ingest_without_a_valid_token_exits_2_and_writes_nothing(cli, tmp_path):
    missing = ingest(None)
    assert missing.exit_code == 2
    assert "an API token is required" in missing.output
    unknown = ingest("acc_not_a_real_token")
    assert unknown.exit_code == 2
    assert "the API token is unknown or revoked" in unknown.output
    assert configured_journal() == []
    assert not (tmp_path / "cli-events.duckdb").exists()


def test_a_delegation_may_not_ingest_on_the_cli_and_is_refused_as_by_the_api(cli, api, tmp_path):
    by_api = upload(api, "KAZ")
    refused = ingest(cli["kaz"])
    assert (by_api.status_code, refused.exit_code) == (403, 3)
    assert by_api.json()["detail"] in refused.output
    (entry,) = configured_journal()
    assert (entry.command, entry.actor, entry.allowed) == ("record_event_file", "kaz", False)
    assert not (tmp_path / "cli-events.duckdb").exists()
