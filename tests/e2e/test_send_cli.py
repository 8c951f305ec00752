"""`accord send`: any command over the CLI, as the owner of an API token, with the same
permissions, rules and journal as the API; bad input sends nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.bootstrap import database_engine
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.identity.repository import add_user, issue_token, revoke
from tests.cli_tokens import configured_journal

runner = CliRunner()
PLEDGE = {"unit": "KAZ-ENG-1", "strength": 300, "capabilities": ["engineers"], "readiness_days": 4}


@pytest.fixture
def tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Token files of a Kazakh and an Armenian delegate and a Joint Staff officer."""
    url = f"sqlite:///{tmp_path}/accord.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.delenv("ACCORD_TOKEN", raising=False)
    engine = database_engine(Settings(database_url=url))
    files = {}
    with engine.begin() as connection:
        for name, role, state in [
            ("kaz", "delegation", "KAZ"),
            ("arm", "delegation", "ARM"),
            ("staff", "joint_staff", None),
        ]:
            user = add_user(connection, name, role, state)
            files[name] = tmp_path / f"{name}.token"
            files[name].write_text(issue_token(connection, user.user_id)[1] + "\n")
    engine.dispose()
    return files


def send(*args: str, data: dict | None = None, token: Path | None = None):
    options = [] if token is None else ["--token-file", str(token)]
    fields = [] if data is None else ["--data", json.dumps(data)]
    return runner.invoke(app, ["send", *args, *fields, *options])


def test_a_delegation_pledges_its_own_unit_and_the_journal_records_it(tokens):
    sent = send("pledge_unit", "--json", data=PLEDGE, token=tokens["kaz"])
    assert sent.exit_code == 0, sent.output
    out = json.loads(sent.output)
    assert out["allowed"] is True
    assert out["created"] == {"unit": "unit-1"}
    (entry,) = configured_journal()
    assert (entry.command, entry.actor, entry.payload["unit"]) == (
        "pledge_unit",
        "KAZ",
        "KAZ-ENG-1",
    )


def test_a_yaml_file_and_the_environment_token_do_the_same(tokens, tmp_path, monkeypatch):
    fields = tmp_path / "pledge.yaml"
    fields.write_text("unit: KAZ-MED-1\nstrength: 120\ncapabilities: [medical]\n")
    monkeypatch.setenv("ACCORD_TOKEN", tokens["kaz"].read_text())
    sent = runner.invoke(app, ["send", "pledge_unit", "--file", str(fields)])
    assert sent.exit_code == 0, sent.output
    assert "journal #1: pledge_unit applied" in sent.output
    assert "created unit: unit-1" in sent.output


def test_a_role_that_may_not_send_it_is_refused_and_the_refusal_journaled(tokens):
    sent = send("pledge_unit", data=PLEDGE, token=tokens["staff"])
    assert sent.exit_code == 3
    assert "a joint_staff user may not send pledge_unit" in sent.output
    (entry,) = configured_journal()
    assert (entry.command, entry.allowed) == ("pledge_unit", False)


def test_a_delegation_cannot_act_for_another_state(tokens):
    sent = send("pledge_unit", "--for", "ARM", data=PLEDGE, token=tokens["kaz"])
    assert sent.exit_code == 3
    assert "may not send pledge_unit for ARM" in sent.output


def test_the_rules_refuse_withdrawing_another_states_unit(tokens):
    assert send("pledge_unit", data=PLEDGE, token=tokens["kaz"]).exit_code == 0
    withdrawal = {"unit": "unit-1", "reason": "not ours to give"}
    sent = send("withdraw_pledge", data=withdrawal, token=tokens["arm"])
    assert sent.exit_code == 1, sent.output
    assert "REFUSED" in sent.output
    assert [(e.command, e.allowed) for e in configured_journal()] == [
        ("pledge_unit", True),
        ("withdraw_pledge", False),
    ]


@pytest.mark.parametrize(
    ("name", "fields", "named"),
    [
        ("pledge_unit", {**PLEDGE, "strength": -3}, "strength: Input should be greater than or"),
        ("pledge_unit", {**PLEDGE, "strength": 2**63}, "strength: Input should be less than or"),
        ("pledge_unit", {**PLEDGE, "readiness_days": 10**12}, "readiness_days: Input should be"),
        ("pledge_unit", {**PLEDGE, "unit": " "}, "unit: Value error, must not be blank"),
        ("pledge_unit", {**PLEDGE, "unit": "a\x00b"}, "unit: Value error, no control characters"),
        ("pledge_unit", {**PLEDGE, "available_from": "9999-12-31"}, "available_from: Input"),
        ("pledge_unit", {**PLEDGE, "caveats": {"not_in": ["XXX"]}}, "'XXX' is not a state's"),
        ("pledge_unit", {**PLEDGE, "capabilities": ["engineers"] * 2}, "named twice"),
        ("pledge_unit", {**PLEDGE, "strength": "many"}, "strength: Input should be a valid int"),
        ("pledge_unit", {**PLEDGE, "strenght": 3}, "strenght: not a field of pledge_unit"),
        ("pledge_unit", {"strength": 3}, "unit: Field required"),
        ("pledge_units", PLEDGE, "command: unknown 'pledge_units'"),
    ],
)
def test_bad_input_names_the_field_and_sends_nothing(tokens, name, fields, named):
    sent = send(name, data=fields, token=tokens["kaz"])
    assert sent.exit_code == 2, sent.output
    assert named in sent.output
    assert configured_journal() == []


def test_a_missing_record_exits_4_with_the_apis_404_message_and_sends_nothing(tokens):
    sent = send("withdraw_pledge", data={"unit": "unit-9", "reason": "gone"}, token=tokens["kaz"])
    assert sent.exit_code == 4, sent.output
    assert "error: unit 'unit-9' does not exist" in sent.output
    assert configured_journal() == []


def test_without_a_valid_token_nothing_is_sent(tokens, tmp_path):
    missing = send("pledge_unit", data=PLEDGE)
    assert missing.exit_code == 2
    assert "an API token is required" in missing.output
    engine = database_engine(Settings())
    with engine.begin() as connection:
        assert revoke(connection, "kaz") == 1
    engine.dispose()
    revoked = send("pledge_unit", data=PLEDGE, token=tokens["kaz"])
    assert revoked.exit_code == 2
    assert "unknown or revoked" in revoked.output
    assert configured_journal() == []


def test_an_idempotency_key_applies_a_command_once(tokens):
    first = send("pledge_unit", "--idempotency-key", "k1", data=PLEDGE, token=tokens["kaz"])
    again = send("pledge_unit", "--idempotency-key", "k1", data=PLEDGE, token=tokens["kaz"])
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert len(configured_journal()) == 1
    other = send("pledge_unit", "--idempotency-key", "k1", data={**PLEDGE, "strength": 9},
                 token=tokens["kaz"])  # fmt: skip
    assert other.exit_code == 2
    assert "used for a different command" in other.output


def test_the_commands_are_listed_with_their_fields(tokens):
    listed = runner.invoke(app, ["send", "--list"])
    assert listed.exit_code == 0
    assert "pledge_unit(unit, strength, kind, formation, readiness_days" in listed.output
    assert "ratify(" in listed.output
