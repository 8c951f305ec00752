import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.journal.model import GENESIS, Entry
from accord.journal.store import JsonLinesJournal
from accord.journal.verify import verify

runner = CliRunner()


def chain(count: int) -> list[Entry]:
    entries, previous = [], GENESIS
    for seq in range(1, count + 1):
        entry = Entry(
            seq=seq,
            at=f"2022-01-0{seq}T10:00:00",
            actor="KAZ",
            command="file_request",
            payload={"article": "CST-4"},
            allowed=True,
            articles=["CST-4"],
            reasons=["ok"],
            events=[],
            prev=previous,
        ).sealed()
        entries.append(entry)
        previous = entry.hash
    return entries


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    store = JsonLinesJournal(tmp_path / "journal.jsonl")
    for entry in chain(5):
        store.append(entry)
    return store.path


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_an_untouched_journal_verifies(journal_file: Path):
    result = verify(JsonLinesJournal(journal_file).entries())
    assert result.ok
    assert result.entries == 5


def test_an_edited_entry_is_detected(journal_file: Path):
    rows = lines(journal_file)
    rows[2]["actor"] = "RUS"
    write(journal_file, rows)
    result = verify(JsonLinesJournal(journal_file).entries())
    assert not result.ok
    assert any("entry 3" in p and "edited" in p for p in result.problems)


def test_a_removed_entry_is_detected(journal_file: Path):
    rows = lines(journal_file)
    del rows[1]
    write(journal_file, rows)
    problems = verify(JsonLinesJournal(journal_file).entries()).problems
    assert any("entry 3" in p and "removed" in p for p in problems)


def test_reordered_entries_are_detected(journal_file: Path):
    rows = lines(journal_file)
    rows[1], rows[2] = rows[2], rows[1]
    write(journal_file, rows)
    assert not verify(JsonLinesJournal(journal_file).entries()).ok


def test_an_edited_entry_with_a_recomputed_hash_still_breaks_the_chain(journal_file: Path):
    rows = lines(journal_file)
    forged = Entry.from_dict({**rows[2], "actor": "RUS"}).sealed()
    rows[2] = forged.to_dict()
    write(journal_file, rows)
    problems = verify(JsonLinesJournal(journal_file).entries()).problems
    assert any("entry 4" in p and "chain" in p for p in problems)


def test_journal_verify_exits_one_on_a_broken_chain(journal_file: Path):
    assert runner.invoke(app, ["journal", "verify", str(journal_file)]).exit_code == 0
    rows = lines(journal_file)
    rows[0]["allowed"] = False
    write(journal_file, rows)
    result = runner.invoke(app, ["journal", "verify", str(journal_file), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["ok"] is False
