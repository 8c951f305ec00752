"""Verify a journal: any edited, removed, inserted or reordered entry breaks the chain.

``verify`` checks entries (an exported file: each hash recomputed from the fields);
``verify_rows`` checks a stored journal row by row, over the bytes each entry is read from:
its hash, its place in the chain, and the looked-up columns against its body.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from accord.journal.model import GENESIS, HASHED_FIELDS, Entry, entry_hash
from accord.journal.stored import StoredRow

#: Problems listed at most: past the first, the rest are usually its consequences.
MAX_PROBLEMS = 100
_FIELDS = frozenset(HASHED_FIELDS)


@dataclass(frozen=True)
class Verification:
    entries: int
    problems: tuple[str, ...]
    #: The seq of the first entry found wrong.
    first_bad: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(entries: Iterable[Entry]) -> Verification:
    """Check numbering, each entry's own hash and its link to the entry before it."""
    problems = []
    previous_hash, expected_seq, count = GENESIS, 1, 0
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            problems.append(
                f"entry {entry.seq}: expected entry {expected_seq} here "
                "(an entry was removed, inserted or moved)"
            )
        if entry.hash != entry_hash(entry):
            problems.append(
                f"entry {entry.seq}: its content does not match its hash (the entry was edited)"
            )
        if entry.prev != previous_hash:
            problems.append(
                f"entry {entry.seq}: does not follow the entry before it (the chain is broken)"
            )
        previous_hash, expected_seq = entry.hash, entry.seq + 1
    return Verification(count, tuple(problems))


@dataclass
class RowCheck:
    """A stored journal checked row by row: its hashes in order, and what was wrong."""

    hashes: list[bytes] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def problem(self, seq: int, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append((seq, f"entry {seq}: {text}"))


def verify_rows(
    rows: Iterable[StoredRow],
    progress: Callable[[int], None] | None = None,
    previous_hash: str = GENESIS,
    expected_seq: int = 1,
) -> RowCheck:
    """Each row's body against its hash, its ``prev`` against the row before, its seq and
    request key against its body (from ``expected_seq`` on, after ``previous_hash``)."""
    check = RowCheck()
    sha256, loads = hashlib.sha256, json.loads
    for row in rows:
        seq = row.seq
        if seq != expected_seq:
            check.problem(expected_seq, f"missing (the next entry stored is {seq})")
        if sha256(row.body).hexdigest() != row.hash:
            check.problem(seq, "its content does not match its hash (the entry was edited)")
        try:
            data = loads(row.body)
            fields_match = isinstance(data, dict) and data.keys() == _FIELDS
        except ValueError:
            data, fields_match = {}, False
        if not fields_match:
            check.problem(seq, "its body is not a journal entry")
        elif data["prev"] != previous_hash:
            check.problem(seq, "does not follow the entry before it (the chain is broken)")
        elif data["seq"] != seq or data["request_key"] != row.request_key:
            check.problem(seq, "its seq or request key column disagrees with its body")
        check.hashes.append(_raw(row.hash))
        previous_hash, expected_seq = row.hash, seq + 1
        if progress is not None and len(check.hashes) % 1000 == 0:
            progress(len(check.hashes))
    return check


def _raw(digest: str) -> bytes:
    try:
        return bytes.fromhex(digest)
    except ValueError:
        return digest.encode()  # not a hash at all: its row is reported, and no root matches
