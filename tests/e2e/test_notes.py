"""Every command may carry the note verbale that goes with it: through the API, `accord send`
and a scenario alike, journaled in the command's payload and bounded like any field."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.journal.store import InMemoryJournal
from accord.rules.loading import bundled_charter_path, load_charter
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import ScenarioError, parse_scenario
from tests.api_client import ApiUsers
from tests.cli_tokens import configured_journal
from tests.e2e.test_send_cli import send, tokens  # noqa: F401 (the fixture)

NOTE = "Note verbale No. 1/2-345 of the Permanent Mission"


@pytest.fixture
def api(tmp_path: Path):
    users = ApiUsers(f"sqlite:///{tmp_path / 'accord.db'}")
    yield users
    users.close()


def test_a_note_sent_through_the_api_is_journaled_with_its_command(api):
    frozen = api.post("ARM", "/membership/frozen-participation", {"note": NOTE})
    assert frozen.status_code == 201, frozen.text
    asked = api.post("KAZ", "/membership/suspension-requests", {"state": "arm", "note": "No. 7"})
    assert asked.status_code == 201, asked.text
    entries = api.get("admin", "/journal").json()
    assert [(e["command"], e["payload"]["note"]) for e in entries] == [
        ("declare_participation_frozen", NOTE),
        ("request_suspension", "No. 7"),
    ]
    assert entries[1]["payload"]["state"] == "ARM"


@pytest.mark.parametrize(
    ("note", "rule"),
    [("x" * 8001, "at most 8000 characters"), ("  ", "must not be blank"), ("a\x07", "U+0007")],
)
def test_a_note_past_its_bound_is_422_naming_note_and_nothing_is_written(api, note, rule):
    answer = api.post("KAZ", "/membership/suspension-requests", {"state": "ARM", "note": note})
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["detail"]
    assert problem["loc"] == ["body", "note"]
    assert rule in problem["msg"]
    assert api.get("admin", "/journal").json() == []


def test_a_note_sent_with_accord_send_is_journaled_and_one_too_long_is_exit_2(tokens):  # noqa: F811
    sent = send("declare_participation_frozen", data={"note": NOTE}, token=tokens["arm"])
    assert sent.exit_code == 0, sent.output
    (entry,) = configured_journal()
    assert (entry.command, entry.payload["note"]) == ("declare_participation_frozen", NOTE)
    refused = send(
        "request_suspension", data={"state": "ARM", "note": "x" * 8001}, token=tokens["kaz"]
    )
    assert refused.exit_code == 2
    assert "note: String should have at most 8000 characters" in refused.output
    assert len(configured_journal()) == 1


def test_accord_send_lists_the_note_after_a_commands_own_fields():
    listed = CliRunner().invoke(app, ["send", "--list"])
    assert "request_suspension(state, note)" in listed.output
    assert "apply_for_membership(note)" in listed.output


STEP = {"at": "2024-02-22T12:00+04:00", "by": "ARM", "do": "declare_participation_frozen"}


def test_a_note_in_a_scenario_step_is_journaled_with_it():
    scenario = {"name": "a note", "charter": "csto", "steps": [{**STEP, "with": {"note": NOTE}}]}
    journal = InMemoryJournal()
    charter = load_charter(bundled_charter_path("csto"))
    report = run_scenario(parse_scenario(scenario), charter, journal)
    assert report.ok, report
    assert [(e.command, e.payload["note"]) for e in journal.entries()] == [
        ("declare_participation_frozen", NOTE)
    ]


def test_a_note_past_its_bound_in_a_scenario_is_an_error_naming_the_step_and_the_key():
    scenario = {"name": "a note", "charter": "csto", "steps": [{**STEP, "with": {"note": ""}}]}
    with pytest.raises(ScenarioError) as caught:
        run_scenario(parse_scenario(scenario), load_charter(bundled_charter_path("csto")))
    assert "with.note: String should have at least 1 character" in str(caught.value)
