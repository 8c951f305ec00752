"""Snapshots that must not be used: tampered with, signed with another key, from a history the
journal no longer has, built on another charter or by another version of Accord, or naming in
their payload what a world never holds. Each is ignored, said so in the log, and start-up falls
back to the one before it or to a full replay; none is unpickled unverified."""

from __future__ import annotations

import hashlib
import logging
import pickle
import shutil
from pathlib import Path

import pytest

from accord.adapters.local_state import key_path, state_folder
from accord.journal.seal_files import SealFiles
from accord.journal.signing import SigningKey
from accord.rules.loading import bundled_charter_path
from accord.snapshots.binding import Binding, binding_for
from accord.snapshots.envelope import MAGIC, Header
from accord.snapshots.store import SnapshotStore, snapshot_folder
from tests.histories import History
from tests.starting import full_replay, snapshots_of, started


@pytest.fixture
def stopped(sqlite_url):
    """A SQLite database with five crises, its server stopped cleanly (a final snapshot)."""
    accord = started(sqlite_url)
    History(accord).crises_of(5)
    accord.close(final_snapshot=True)
    return sqlite_url


@pytest.mark.parametrize("where", ["header", "payload"])
def test_a_tampered_snapshot_is_ignored_and_start_up_falls_back_to_the_one_before(
    stopped, where, csto, caplog
):
    accord = started(stopped)
    newest, before = snapshots_of(accord)[-1], snapshots_of(accord)[-2]
    accord.close()
    data = bytearray(newest.read_bytes())
    at = len(MAGIC) + 10 if where == "header" else len(data) - 5
    data[at] ^= 0x01
    newest.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(stopped)
    try:
        assert again.uow.started_from == int(before.stem.split("-")[1])
        assert again.world == full_replay(again, csto)
        (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert str(newest) in warning
        assert ("signature" if where == "header" else "payload") in warning
    finally:
        again.close()


def test_a_snapshot_signed_with_another_key_is_ignored(sqlite_url, csto, caplog):
    accord = started(sqlite_url)
    History(accord).crises_of(1)
    folder = snapshot_folder(state_folder(accord.settings, accord.engine))
    forger = SnapshotStore(folder, SigningKey.generate(), binding_for(accord.uow.world.base))
    forger.write(accord.world, accord.writer.seq, accord.uow.journal.last_hash)
    accord.close()
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(sqlite_url)
    try:
        assert again.uow.started_from == 0
        assert again.world == full_replay(again, csto)
        assert "does not verify" in caplog.text
    finally:
        again.close()


def test_a_snapshot_of_a_history_the_journal_no_longer_has_is_ignored(sqlite_url, csto, caplog):
    accord = started(sqlite_url)
    History(accord).crises_of(3)
    accord.close(final_snapshot=True)
    # The same database file written anew, with another history of as many entries; its old
    # seal forgotten (the journal's check would refuse it first), its snapshots kept.
    Path(sqlite_url.removeprefix("sqlite:///")).unlink()
    SealFiles(state_folder(accord.settings, accord.engine)).forget()
    other = started(sqlite_url, snapshot_every=0)
    History(other, start=History(accord).at.replace(year=2023)).crises_of(3)
    other.close()
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(sqlite_url)
    try:
        assert again.uow.started_from == 0
        assert again.world == full_replay(again, csto)
        assert "is not the one it was built to" in caplog.text
    finally:
        again.close()


def test_a_changed_charter_discards_the_snapshot(tmp_path, sqlite_url, csto, caplog):
    charter = tmp_path / "csto"
    shutil.copytree(bundled_charter_path("csto"), charter)
    accord = started(sqlite_url, charter=str(charter))
    History(accord).crises_of(3)
    accord.close(final_snapshot=True)
    amended = tmp_path / "csto-amended"
    shutil.copytree(charter, amended)
    header = amended / "charter.yaml"
    header.write_text(header.read_text().replace("name: ", "name: Amended ", 1))
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(sqlite_url, charter=str(amended))
    try:
        assert again.uow.started_from == 0
        assert again.world.base.name.startswith("Amended")
        assert "another charter" in caplog.text
    finally:
        again.close()


def test_a_snapshot_from_another_version_of_accord_is_discarded(sqlite_url, caplog):
    accord = started(sqlite_url, snapshot_every=1000)  # this test's snapshot alone
    History(accord).crises_of(3)
    folder = snapshot_folder(state_folder(accord.settings, accord.engine))
    key = SigningKey.load_or_create(key_path(accord.settings))
    older = Binding(binding_for(accord.uow.world.base).charter, code="an older version")
    SnapshotStore(folder, key, older).write(
        accord.world, accord.writer.seq, accord.uow.journal.last_hash
    )
    accord.close()
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(sqlite_url)
    try:
        assert again.uow.started_from == 0
        assert "another version of Accord" in caplog.text
    finally:
        again.close()


class _Touch:
    """What a forged payload would do if it were unpickled: create a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))


def test_a_signed_payload_naming_anything_but_accords_classes_is_refused_not_run(
    sqlite_url, tmp_path, caplog
):
    accord = started(sqlite_url)
    History(accord).crises_of(1)
    folder = snapshot_folder(state_folder(accord.settings, accord.engine))
    key = SigningKey.load_or_create(key_path(accord.settings))
    marker = tmp_path / "ran"
    payload = pickle.dumps({"cases": _Touch(marker)})
    binding = binding_for(accord.uow.world.base)
    header = Header(
        seq=accord.writer.seq,
        hash=accord.uow.journal.last_hash,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        payload_bytes=len(payload),
        charter=binding.charter,
        code=binding.code,
        key=key.public.key_id,
        written_at="2026-01-01T00:00:00+00:00",
    )
    signed = MAGIC + header.line() + b"\n"
    path = folder / f"snapshot-{accord.writer.seq:012d}.bin"
    accord.close()
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signed + key.sign(signed).encode() + b"\n" + payload)
    with caplog.at_level(logging.WARNING, logger="accord.snapshots"):
        again = started(sqlite_url)
    try:
        assert not marker.exists()
        assert again.uow.started_from == 0
        assert "which a world never holds" in caplog.text
    finally:
        again.close()
