"""Verify a journal: any edited, removed, inserted or reordered entry breaks the chain."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accord.journal.model import GENESIS, Entry, entry_hash


@dataclass(frozen=True)
class Verification:
    entries: int
    problems: tuple[str, ...]

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
