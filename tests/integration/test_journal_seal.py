"""The journal's seal on SQLite and PostgreSQL: a signed head outside the database after each
commit, and a start that refuses a journal forged while the server was stopped."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pymerkle import MerkleProof, verify_inclusion

from accord.adapters.local_state import key_path
from accord.bootstrap import seal_files, sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from accord.forces.commands import PledgeUnit
from accord.identity.repository import add_user, issue_token
from accord.identity.secrets import passwords
from accord.journal.heads import TreeHead
from accord.journal.keyring import Keyring
from accord.journal.signing import SigningKey
from accord.journal.soundness import JournalUnsound
from accord.journal.tree import leaf_hash
from accord.kernel.messages import Actor
from accord.service.runtime import Accord
from tests import forgery

AT = dt.datetime(2026, 1, 6, 1, 0, tzinfo=dt.UTC)
KAZ = Actor("KAZ", "KAZ", "state")


def pledge(accord: Accord, name: str) -> int:
    result = accord.handle(PledgeUnit(unit=name, strength=5, capabilities=("medical",)), KAZ, AT)
    assert result.allowed
    return result.entry.seq


def seeded(url: str, count: int) -> Settings:
    settings = Settings(database_url=url)
    accord = sql_accord(settings)
    try:
        for n in range(count):
            pledge(accord, f"KAZ-{n}")
    finally:
        accord.close()
    return settings


def public_key(settings: Settings) -> Keyring:
    return Keyring.of(SigningKey.load(key_path(settings)).public)


def test_the_commits_are_signed_in_a_head_kept_outside_the_database(database_url):
    settings = seeded(database_url, 6)
    accord = sql_accord(settings)
    try:
        files = seal_files(settings, accord.engine)
        head = files.head()
        assert head is not None
        assert head.size == 6
        assert public_key(settings).verifies(head)
        assert files.hashes_kept() == 6
        seq = pledge(accord, "KAZ-later")
        assert accord.seal is not None
        accord.seal.catch_up()  # signed in the background after the commit, or now
        head = files.head()
        assert head is not None
        assert head.size == seq == 7
        assert accord.seal is not None
        assert accord.seal.head == head
        proof = MerkleProof.deserialize(accord.seal.tree.inclusion(3, 7))
        entry = accord.seal.entry_hash(3)
        verify_inclusion(leaf_hash(entry), bytes.fromhex(head.root), proof, 3, 7)
    finally:
        accord.close()


def test_an_entry_edited_in_place_is_refused_at_start_naming_it(database_url):
    settings = seeded(database_url, 5)
    forgery.edit_in_place(database_url, 3, b'"strength":5', b'"strength":5000')
    with pytest.raises(JournalUnsound, match="entry 3: its content does not match its hash"):
        sql_accord(settings)


def test_a_history_rewritten_with_the_projects_own_hashing_is_refused_naming_where(database_url):
    settings = seeded(database_url, 6)
    forgery.rewrite_from(database_url, 3, {"strength": 5000})
    with pytest.raises(JournalUnsound, match="entry 3: not the entry the signed head") as refused:
        sql_accord(settings)
    assert refused.value.first_bad == 3


def test_the_newest_entries_cut_off_with_the_head_moved_back_are_refused(database_url):
    settings = seeded(database_url, 55)
    assert forgery.cut_newest(database_url, 50) == 5
    with pytest.raises(JournalUnsound, match="entries 6 to 55 are missing") as refused:
        sql_accord(settings)
    assert refused.value.first_bad == 6


def test_a_cut_off_history_rewritten_too_is_named_at_its_first_rewritten_entry(database_url):
    settings = seeded(database_url, 8)
    forgery.cut_newest(database_url, 3)
    forgery.rewrite_from(database_url, 2, {"strength": 9})
    with pytest.raises(JournalUnsound, match="entry 2: not the entry"):
        sql_accord(settings)


def test_a_forged_journal_is_served_read_only_when_asked_and_says_so_on_every_answer(
    database_url,
):
    settings = seeded(database_url, 4)
    forgery.edit_in_place(database_url, 2, b'"strength":5', b'"strength":5000')
    accord = sql_accord(settings, read_only_if_unsound=True)
    try:
        with accord.engine.begin() as connection:
            hasher = passwords(settings)
            user = add_user(
                connection, "kaz", "delegation", "KAZ", "a long pass phrase", passwords=hasher
            )
            token = issue_token(connection, user.user_id)[1]
        client = TestClient(create_app(accord=accord))
        auth = {"Authorization": f"Bearer {token}"}
        health = client.get("/health")
        assert health.json()["status"] == "read-only"
        assert "entry 2" in health.headers["accord-read-only"]
        units = client.get("/units", headers=auth)
        assert units.status_code == 200
        assert "entry 2" in units.headers["accord-read-only"]
        refused = client.post("/units", json={"unit": "KAZ-X", "strength": 1}, headers=auth)
        assert refused.status_code == 503
        assert "read-only" in refused.json()["detail"]
        assert "accord-read-only" in refused.headers
        assert client.get("/journal/head", headers=auth).status_code == 503
        assert len(forgery.rows(database_url)) == 4  # nothing was written
    finally:
        accord.close()


def test_a_database_with_entries_but_no_signed_head_is_checked_whole_then_signed(database_url):
    settings = seeded(database_url, 5)
    accord = sql_accord(settings)
    files = seal_files(settings, accord.engine)
    accord.close()
    files.forget()
    open_again = sql_accord(settings)
    open_again.close()
    head = files.head()
    assert head is not None
    assert head.size == 5
    assert public_key(settings).verifies(head)


def test_a_database_with_a_broken_chain_and_no_signed_head_is_refused(database_url):
    settings = seeded(database_url, 5)
    accord = sql_accord(settings)
    files = seal_files(settings, accord.engine)
    accord.close()
    files.forget()
    forgery.rewrite_from(database_url, 4, {"strength": 7})
    forgery.edit_in_place(database_url, 2, b'"strength":5', b'"strength":6')
    with pytest.raises(JournalUnsound, match="entry 2: its content does not match its hash"):
        sql_accord(settings)


def test_two_processes_signing_leave_the_head_at_the_journals_size(database_url):
    settings = Settings(database_url=database_url)
    server, sender = sql_accord(settings), sql_accord(settings)
    try:
        threads = [
            threading.Thread(target=lambda a=a, n=n: [pledge(a, f"{n}-{i}") for i in range(15)])
            for n, a in enumerate((server, sender))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        files = seal_files(settings, server.engine)
    finally:
        server.close()  # each signs what it has seen last as it closes
        sender.close()
    head = files.head()
    assert head is not None
    assert head.size == len(forgery.rows(database_url)) == 30
    assert public_key(settings).verifies(head)
    sql_accord(settings).close()  # and the next start finds it sound


def test_a_head_file_signed_by_another_key_is_refused(database_url, tmp_path: Path):
    seeded(database_url, 3)
    other = Settings(database_url=database_url, key_file=tmp_path / "another.key")
    with pytest.raises(JournalUnsound, match="signature does not verify with key"):
        sql_accord(other)


def test_a_delegation_proves_its_own_command_is_in_the_signed_journal(api):
    unit = {"unit": "KAZ-ENG-1", "strength": 5, "capabilities": ["engineers"]}
    sent = api.post("KAZ", "/units", unit).json()
    api.post("KAZ", "/units", unit | {"unit": "KAZ-ENG-2"})
    head = api.get("ARM", "/journal/head").json()
    assert head["size"] == 2
    answer = api.get("ARM", "/journal/proofs/inclusion", seq=sent["journal_seq"]).json()
    assert answer["entry_hash"] == sent["journal_hash"]
    proof = MerkleProof.deserialize(answer["proof"])
    root = bytes.fromhex(head["root"])
    verify_inclusion(leaf_hash(sent["journal_hash"]), root, proof, sent["journal_seq"], 2)
    keys = api.get("ARM", "/journal/keys").json()["keys"]
    assert Keyring.from_dict({"keys": keys}).verifies(TreeHead.from_dict(head))
    missing = api.get("ARM", "/journal/proofs/consistency", **{"from": 1, "to": 3})
    assert missing.status_code == 404
