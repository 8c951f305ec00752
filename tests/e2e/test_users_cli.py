import json
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.adapters.db import make_engine
from accord.entrypoints.cli import app
from accord.identity import repository as identity
from tests.load.servers import accord_command

runner = CliRunner()


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/accord.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    return url


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def added_token(output: str) -> tuple[str, str]:
    token_id = re.search(r"token id: (tok-[0-9a-f]+)", output)
    token = re.search(r"token: (acc_[A-Za-z0-9_-]+)", output)
    assert token_id, output
    assert token, output
    return token_id.group(1), token.group(1)


def authenticates(database_url: str, token: str) -> bool:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            return identity.principal_for_token(conn, token) is not None
    finally:
        engine.dispose()


def test_users_add_then_list_json_shows_the_user(database_url):
    added = run("users", "add", "kaz-delegate", "--role", "delegation", "--state", "KAZ")
    assert added.exit_code == 0, added.output
    _, token = added_token(added.output)
    assert authenticates(database_url, token)
    listed = run("users", "list", "--json")
    assert listed.exit_code == 0, listed.output
    [user] = json.loads(listed.output)
    assert (user["name"], user["role"], user["state"], user["tokens"]) == (
        "kaz-delegate",
        "delegation",
        "KAZ",
        1,
    )
    assert token not in listed.output


def test_users_list_prints_a_table(database_url):
    run("users", "add", "analyst-1", "--role", "analyst")
    listed = run("users", "list")
    assert listed.exit_code == 0, listed.output
    assert "analyst-1" in listed.output


def test_users_revoke_makes_the_token_stop_working(database_url):
    _, token = added_token(run("users", "add", "secretary", "--role", "secretariat").output)
    revoked = run("users", "revoke", "secretary")
    assert revoked.exit_code == 0, revoked.output
    assert "revoked 1 token" in revoked.output
    assert not authenticates(database_url, token)


def test_users_revoke_by_token_id_revokes_that_token(database_url):
    token_id, token = added_token(run("users", "add", "staff", "--role", "joint_staff").output)
    assert run("users", "revoke", token_id).exit_code == 0
    assert not authenticates(database_url, token)


def test_a_password_from_stdin_lets_the_user_log_in(database_url, hasher):
    added = run("users", "add", "chief", "--role", "admin", "--password-stdin", stdin="s3cret\n")
    assert added.exit_code == 0, added.output
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert identity.login(conn, "chief", "s3cret", hasher) is not None
    engine.dispose()


def test_a_delegation_without_a_state_exits_2_naming_the_field(database_url):
    result = run("users", "add", "stateless", "--role", "delegation")
    assert result.exit_code == 2
    assert "error: state:" in result.output


@pytest.mark.parametrize("state", ["XXX", "KZ", "KAZA", "K\x00Z"])
def test_a_delegation_of_no_known_state_exits_2_and_adds_no_one(database_url, state):
    result = run("users", "add", "nowhere", "--role", "delegation", "--state", state)
    assert result.exit_code == 2
    assert "error: state:" in result.output
    assert "ISO 3166-1 alpha-3" in result.output
    assert "nowhere" not in run("users", "list").output


def test_a_duplicate_name_exits_2_naming_the_field(database_url):
    run("users", "add", "twin", "--role", "public")
    result = run("users", "add", "twin", "--role", "public")
    assert result.exit_code == 2
    assert "error: name:" in result.output


def test_revoking_an_unknown_user_exits_2(database_url):
    result = run("users", "revoke", "nobody")
    assert result.exit_code == 2
    assert "error:" in result.output


def test_accounts_added_by_processes_at_once_are_all_added(database_url):
    """Each `accord users add` reads (is the name free?) before it writes: begun plainly, the
    one that lost the race for SQLite's write lock failed at once ("database is locked")."""
    assert run("users", "add", "ARM", "--role", "delegation", "--state", "ARM").exit_code == 0
    states = ("BLR", "KAZ", "KGZ", "RUS")
    adding = [
        subprocess.Popen(
            [*accord_command(), "users", "add", state, "--role", "delegation", "--state", state],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for state in states
    ]
    outputs = [process.communicate(timeout=240)[0] for process in adding]
    assert [process.returncode for process in adding] == [0] * len(states), outputs
    listed = json.loads(run("users", "list", "--json").output)
    assert {user["name"] for user in listed} == {"ARM", *states}
