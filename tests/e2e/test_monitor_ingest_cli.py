"""`accord monitor ingest` goes through the same edge as `POST /monitor/ingest`: a token's
owner, the analyst's permission, and the same journal entry with the file's SHA-256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.monitoring.ingest.limits import MAX_FILE_BYTES
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


def one_line(tmp_path: Path) -> Path:
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"a" * 3_000_000)
    return path


def over_the_cap(tmp_path: Path) -> Path:
    path = tmp_path / "huge.csv"
    with path.open("wb") as sparse:  # no disk used: only its size is ever looked at
        sparse.truncate(MAX_FILE_BYTES + 1)
    return path


def four_words(tmp_path: Path) -> Path:
    path = tmp_path / "four-words.txt"
    path.write_text("this is not gdelt\n", encoding="utf-8")
    return path


def control_in_name(tmp_path: Path) -> Path:
    path = tmp_path / "ged\x1b[2J.csv"
    path.write_bytes(UCDP.read_bytes())
    return path


@pytest.mark.parametrize(
    ("make", "format", "says"),
    [
        (
            one_line,
            "ucdp",
            "line 1 is longer than the 1,048,576 characters a line may have (nothing added)",
        ),
        (
            one_line,
            "acled",
            "line 1 is longer than the 1,048,576 characters a line may have (nothing added)",
        ),
        (lambda _: Path("/dev/zero"), "gdelt", "not a regular file"),
        (over_the_cap, "ucdp", "larger than the 256 MiB"),
        (four_words, "gdelt", "line 1 has 1 tab-separated fields, expected 61 (nothing added)"),
        (control_in_name, "ucdp", "its name: no control or invisible character (U+001B at 4)"),
    ],
    ids=[
        "one-line-ucdp",
        "one-line-acled",
        "dev-zero",
        "over-cap",
        "four-words",
        "control-name",
    ],
)
def test_a_file_that_cannot_be_ingested_exits_2_and_changes_nothing(
    cli, tmp_path, make, format, says
):
    file = make(tmp_path)
    done = runner.invoke(
        app,
        ["monitor", "ingest", str(file), "--format", format],
        env={"ACCORD_TOKEN": cli["analyst"]},
    )
    assert done.exit_code == 2, done.output
    assert says in " ".join(done.output.split())
    assert "Traceback" not in done.output
    assert configured_journal() == []
