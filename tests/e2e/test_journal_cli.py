"""The journal's seal from the command line: `accord serve` refuses a forged journal (or serves
it read-only when asked), `accord send` refuses it too, `accord journal verify` judges a live
database or an exported file, and a delegation's `accord journal audit` follows a key rotation
and catches a rewritten history."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from accord.adapters.db import make_engine
from accord.adapters.local_state import key_path
from accord.bootstrap import seal_files, sql_accord
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.journal.signing import SigningKey
from tests import forgery
from tests.cli_tokens import users_with_tokens
from tests.integration.test_journal_seal import seeded
from tests.load.servers import accord_command, accord_env, free_port, running

runner = CliRunner()
UNIT = {"unit": "KAZ-ENG", "strength": 5, "capabilities": ["engineers"]}


def forge(kind: str, url: str) -> str:
    """The forgery, and the words the refusal must name it with."""
    if kind == "edited":
        forgery.edit_in_place(url, 3, b'"strength":5', b'"strength":5000')
        return "entry 3: its content does not match its hash"
    if kind == "rewritten":
        forgery.rewrite_from(url, 3, {"strength": 5000})
        return "entry 3: not the entry the signed head"
    forgery.cut_newest(url, 50)
    return "entries 6 to 55 are missing"


@pytest.mark.parametrize("kind", ["edited", "rewritten", "cut off"])
def test_accord_serve_refuses_a_forged_journal_with_exit_6_naming_the_entry(
    kind, database_url, tmp_path
):
    seeded(database_url, 55)
    named = forge(kind, database_url)
    served = subprocess.run(
        [*accord_command(), "serve", "--port", str(free_port())],
        env=accord_env(database_url, tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert served.returncode == 6, served.stderr
    assert "refusing to serve" in served.stderr
    assert named in served.stderr
    assert "Traceback" not in served.stderr


def test_accord_serve_read_only_if_tampered_answers_reads_and_refuses_writes(
    database_url, tmp_path
):
    seeded(database_url, 3)
    token = users_with_tokens(database_url, [("kaz", "delegation", "KAZ")])["kaz"]
    forgery.edit_in_place(database_url, 2, b'"strength":5', b'"strength":5000')
    command = [*accord_command(), "serve", "--read-only-if-tampered"]
    env = accord_env(database_url, tmp_path)
    with running(command, tmp_path / "serve.log", env) as server:
        auth = {"Authorization": f"Bearer {token}"}
        health = httpx.get(f"{server.url}/health")
        assert health.json()["status"] == "read-only"
        units = httpx.get(f"{server.url}/units", headers=auth)
        assert units.status_code == 200
        assert "entry 2" in units.headers["accord-read-only"]
        write = httpx.post(f"{server.url}/units", json=UNIT, headers=auth)
        assert write.status_code == 503
        assert "accord-read-only" in write.headers
    assert "READ-ONLY" in server.log_text()
    assert len(forgery.rows(database_url)) == 3


def test_accord_send_refuses_a_forged_journal_with_exit_6(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/accord.db"
    seeded(url, 4)
    token = users_with_tokens(url, [("kaz", "delegation", "KAZ")])["kaz"]
    forgery.edit_in_place(url, 4, b'"strength":5', b'"strength":50')
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.setenv("ACCORD_TOKEN", token)
    sent = runner.invoke(app, ["send", "pledge_unit", "--data", json.dumps(UNIT)])
    assert sent.exit_code == 6, sent.output
    assert "entry 4" in sent.output
    assert len(forgery.rows(url)) == 4


def verify(*args: str):
    return runner.invoke(app, ["journal", "verify", *args])


def test_journal_verify_judges_the_live_database(database_url):
    seeded(database_url, 6)
    sound = verify("--database", database_url)
    assert sound.exit_code == 0, sound.output
    assert "6 entries: chain verified" in sound.output
    forgery.rewrite_from(database_url, 4, {"strength": 50})
    tampered = verify("--database", database_url, "--json")
    assert tampered.exit_code == 1, tampered.output
    found = json.loads(tampered.output)
    assert found["ok"] is False
    assert found["first_bad"] == 4


def test_journal_verify_checks_the_configured_database_without_an_option(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/accord.db"
    seeded(url, 3)
    forgery.cut_newest(url, 1)
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    cut = verify()
    assert cut.exit_code == 1
    assert "entries 3 to 3 are missing" in cut.output


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b'{"seq": 1, "actor": \n', "line 1: not JSON"),
        (b"[1, 2]\n", "line 1: not a journal entry"),
        (b'{"seq": 1, "colour": "red"}\n', "colour: not a field"),
        (b'{"seq": "one"}\n', "seq: a whole number"),
        (b'{"seq": 1}\n', "line 1: not a journal entry"),
        (b"\xff\xfe\n", "not UTF-8"),
    ],
)
def test_journal_verify_of_an_unreadable_file_exits_2_naming_the_line(tmp_path, content, named):
    path = tmp_path / "journal.jsonl"
    path.write_bytes(content)
    result = verify(str(path))
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert "Traceback" not in result.output


def test_journal_verify_of_a_missing_file_or_an_unreachable_database_exits_2(tmp_path):
    assert verify(str(tmp_path / "none.jsonl")).exit_code == 2
    assert verify(str(tmp_path)).exit_code == 2
    unreachable = verify("--database", "postgresql://postgres@127.0.0.1:1/test")
    assert unreachable.exit_code == 2
    assert "cannot verify" in unreachable.output
    empty = verify("--database", f"sqlite:///{tmp_path}/empty.db")
    assert empty.exit_code == 2
    assert "accord db upgrade" in empty.output


def audit(state: Path, token: str, *args: str):
    return runner.invoke(app, ["journal", "audit", str(state), *args], env={"ACCORD_TOKEN": token})


def test_an_audit_follows_a_key_rotation_and_catches_a_rewritten_history(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_KEY_FILE", str(tmp_path / "server" / "journal.key"))
    monkeypatch.setenv("ACCORD_STATE_DIR", str(tmp_path / "server" / "state"))
    url = f"sqlite:///{tmp_path}/accord.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    settings = seeded(url, 3)
    token = users_with_tokens(url, [("kaz", "delegation", "KAZ")])["kaz"]
    pinned = SigningKey.load(key_path(settings)).public.to_text()  # given out of band
    state, command = tmp_path / "kaz-audit.json", [*accord_command(), "serve"]
    auth = {"Authorization": f"Bearer {token}"}

    def pledge(server_url: str, n: int) -> None:
        for i in range(n):
            answer = httpx.post(f"{server_url}/units", json=UNIT | {"unit": f"U{i}"}, headers=auth)
            assert answer.status_code == 201, answer.text

    env = accord_env(url, tmp_path)
    with running(command, tmp_path / "serve-1.log", env) as server:
        first = audit(state, token, "--url", server.url)
        assert first.exit_code == 2
        assert "--public-key" in first.output
        first = audit(state, token, "--url", server.url, "--public-key", pinned)
        assert first.exit_code == 0, first.output
        pledge(server.url, 2)
        second = audit(state, token)
        assert second.exit_code == 0
        assert "consistent: size 3 → 5" in second.output
        busy = runner.invoke(app, ["journal", "rotate-key"])
        assert busy.exit_code == 3, busy.output

    rotated = runner.invoke(app, ["journal", "rotate-key"])
    assert rotated.exit_code == 0, rotated.output
    assert "retired at size 5" in rotated.output
    with running(command, tmp_path / "serve-2.log", env) as server:
        pledge(server.url, 2)
        third = audit(state, token, "--url", server.url)
        assert third.exit_code == 0, third.output
        assert "consistent: size 5 → 7" in third.output
        keys = httpx.get(f"{server.url}/journal/keys", headers=auth).json()["keys"]
        assert [k["until_size"] for k in keys] == [5, None]
    assert len(json.loads(state.read_text())["keyring"]["keys"]) == 2

    # A Secretariat with the key rewrites entry 2 and has its server sign the new history.
    forgery.rewrite_from(url, 2, {"strength": 5000})
    seal_files(settings, make_engine(url)).forget()
    with running(command, tmp_path / "serve-3.log", env) as server:
        pledge(server.url, 1)
        fourth = audit(state, token, "--url", server.url)
        assert fourth.exit_code == 1, fourth.output
        assert "INCONSISTENT" in fourth.output
        assert "rewritten" in fourth.output
    assert json.loads(state.read_text())["head"]["size"] == 7  # the last head seen, kept
    gone = audit(state, token)
    assert gone.exit_code == 2
    assert "GET /journal/keys" in gone.output


def test_accord_users_refuses_a_forged_journal_with_exit_6(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/accord.db"
    seeded(url, 2)
    forgery.edit_in_place(url, 1, b'"strength":5', b'"strength":6')
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    added = runner.invoke(app, ["users", "add", "kaz", "--role", "delegation", "--state", "KAZ"])
    assert added.exit_code == 6, added.output
    accord = sql_accord(Settings(database_url=url), read_only_if_unsound=True)
    assert accord.read_only
    assert "entry 1" in accord.read_only
    accord.close()
