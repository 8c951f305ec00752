"""`accord demo-server` seeds the CLI's own default database and event store, so that after
`make demo` (here with --no-serve) the README's CLI commands read the demo: its forces,
exercises and operations, and its printed tokens work with `accord send`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.adapters.db import make_engine, write_transaction
from accord.entrypoints.cli import app
from accord.identity.repository import add_user
from accord.journal.repository import SqlJournal
from accord.monitoring.store import EventStore
from accord.simulation.bundled import scenario_files

runner = CliRunner()
PLEDGE = {"unit": "KAZ-ENG-9", "strength": 300, "capabilities": ["engineers"]}


def run(*args: str, token: str | None = None):
    return runner.invoke(app, list(args), env=None if token is None else {"ACCORD_TOKEN": token})


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The demo's data folder and its printed output, the environment pointing nowhere else
    (as in a shell where nothing is exported) for the module's tests."""
    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(home))
        for variable in ("ACCORD_DATABASE_URL", "ACCORD_EVENTS_URL", "ACCORD_TOKEN"):
            patch.delenv(variable, raising=False)
        result = run("demo-server", "--no-serve")
        assert result.exit_code == 0, result.output
        yield home / "accord", result.output


def printed_token(output: str, user: str) -> str:
    found = re.search(rf"^\s*{user}\s.*\s(acc_\S+)$", output, re.MULTILINE)
    assert found, f"no token printed for {user}"
    return found.group(1)


def test_the_demo_seeds_history_accounts_and_real_events(demo):
    folder, output = demo
    journal = SqlJournal(make_engine(f"sqlite:///{folder / 'accord.db'}"))
    records = [e for e in journal.entries() if e.command == "record_event_file"]
    assert [(e.actor, e.payload["file"], e.payload["bad_rows"]) for e in records] == [
        ("CRISIS_RESPONSE_CENTRE", "20201113.export.CSV", 0),
        ("CRISIS_RESPONSE_CENTRE", "20201114.export.CSV", 0),
        ("CRISIS_RESPONSE_CENTRE", "ucdp-ged-sample.csv", 0),
    ]
    added = sum(e.payload["rows_added"] for e in records)
    assert EventStore(str(folder / "events.duckdb")).count() == added
    text = " ".join(output.split())
    assert f"Demo events: {added} real GDELT and UCDP events" in text
    history = [entry for entry in scenario_files() if not entry.name.startswith("whatif")]
    assert len(history) >= 9
    assert f"— {len(history)} historical scenarios replayed" in text
    assert 1000 < added <= 2824 + 2601 + 1000
    # History went through the edge: Uzbekistan's delegation, suspended in 2022, was answered
    # as if the members' draft did not exist, and that denial is in the journal.
    denied = [e for e in journal.entries() if e.actor == "delegation-UZB" and not e.allowed]
    assert [e.command.split()[0] for e in denied] == ["state_position"]


@pytest.mark.parametrize(
    ("command", "recorded"),
    [
        (("forces", "units"), lambda rows: len(rows)),
        (("exercises", "list"), lambda rows: len(rows)),
        (("operations", "list"), lambda rows: sum(row["stages_recorded"] for row in rows)),
    ],
    ids=["forces", "exercises", "operations"],
)
def test_the_cli_lists_what_the_demo_recorded(demo, command, recorded):
    result = run(*command, "--json")
    assert result.exit_code == 0, result.output
    assert recorded(json.loads(result.stdout)) > 0


def test_a_token_the_demo_printed_sends_a_command(demo):
    _, output = demo
    sent = run(
        "send",
        "pledge_unit",
        "--data",
        json.dumps(PLEDGE),
        "--json",
        token=printed_token(output, "kaz-delegation"),
    )
    assert sent.exit_code == 0, sent.output
    assert json.loads(sent.stdout)["allowed"] is True


def test_users_token_prints_a_token_alone_that_the_cli_accepts(demo):
    issued = run("users", "token", "arm-delegation")
    assert issued.exit_code == 0, issued.output
    token = issued.stdout.strip()
    assert re.fullmatch(r"acc_[A-Za-z0-9_-]+", token)
    pledge = {**PLEDGE, "unit": "ARM-ENG-9"}
    sent = run("send", "pledge_unit", "--data", json.dumps(pledge), "--json", token=token)
    assert sent.exit_code == 0, sent.output
    assert json.loads(sent.stdout)["created"]["unit"].startswith("unit-")


def test_users_token_names_a_user_that_does_not_exist(demo):
    issued = run("users", "token", "nobody")
    assert issued.exit_code == 2
    assert "user 'nobody' does not exist" in issued.output


def test_the_demo_refuses_to_wipe_a_default_database_it_did_not_write(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "accord").mkdir()
    database = tmp_path / "accord" / "accord.db"
    assert run("users", "list").exit_code == 0  # any command creates the default database
    with write_transaction(make_engine(f"sqlite:///{database}")) as connection:
        add_user(connection, "someone", "admin")
    result = run("demo-server", "--no-serve")
    assert result.exit_code == 2
    assert f"{database} holds users or journal entries the demo did not write" in result.output
    listed = run("users", "list", "--json")
    assert [user["name"] for user in json.loads(listed.stdout)] == ["someone"]
