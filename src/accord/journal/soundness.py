"""The journal against its signed head, before anything is served from it.

Every entry's stored body must give its hash; the entries up to the head's size must give its
root; the entries after it must chain onto it; ``journal_head`` must name the last entry.
Only a hash over each stored body (by PostgreSQL itself there) and, unless the database holds
the very hashes the seal kept and signed, a Merkle root: no entry is decoded but those past
the head.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from accord.journal.heads import KeptHashes, TreeHead
from accord.journal.keyring import Keyring
from accord.journal.model import GENESIS
from accord.journal.stored import StoredJournal
from accord.journal.tree import HASH_BYTES, JournalTree, split
from accord.journal.verify import verify_rows
from accord.kernel.errors import AccordError


class JournalUnsound(AccordError):
    """The journal failed its check: names the first bad entry (if one is) and what is wrong."""

    def __init__(self, first_bad: int | None, problem: str) -> None:
        super().__init__(f"the journal failed its check: {problem}")
        self.first_bad = first_bad
        self.problem = problem


@dataclass(frozen=True)
class Checked:
    #: Every entry's hash, 32 bytes each, in seq order.
    hashes: bytes
    #: The kept hashes could not be trusted (the root was computed instead): write them again.
    kept_stale: bool = False


def check_against_head(
    journal: StoredJournal,
    head: TreeHead,
    kept: KeptHashes | None,
    kept_hashes: bytes,
    keyring: Keyring,
) -> Checked:
    """The start-up check of a journal that has a signed head; JournalUnsound if it fails."""
    digests: list[str] = []
    expected = 1
    for chunk in journal.sealed_hashes():
        last = chunk[-1][0]
        # Seqs are unique and in order: first and last in place means none missing between.
        if chunk[0][0] != expected or last != expected + len(chunk) - 1:
            _fail(*_first_gap(chunk, expected))
        if not all(sound for _, _, sound in chunk):
            seq = next(seq for seq, _, sound in chunk if not sound)
            _fail(seq, f"entry {seq}: its content does not match its hash (edited in place)")
        digests.extend(digest for _, digest, _ in chunk)
        expected = last + 1
    hashes = bytes.fromhex("".join(digests))
    vouched = kept_vouched_for(kept, head, kept_hashes, keyring)
    problems = head_problems(hashes, head, kept_hashes, vouched)
    if problems:
        _fail(*problems[0])
    _check_tail(journal, hashes, head.size)
    _check_head_row(journal, hashes)
    return Checked(hashes, kept_stale=not vouched)


def check_whole_chain(journal: StoredJournal) -> Checked:
    """The check of a journal no head vouches for yet (its first start since the seal came):
    every entry's content, its chain and its columns, once."""
    check = verify_rows(journal.rows())
    if check.problems:
        _fail(*check.problems[0])
    hashes = b"".join(check.hashes)
    _check_head_row(journal, hashes)
    return Checked(hashes, kept_stale=True)


def kept_vouched_for(
    kept: KeptHashes | None, head: TreeHead, kept_hashes: bytes, keyring: Keyring
) -> bool:
    """Whether the kept hashes are those the head was signed over (their signed SHA-256)."""
    end = head.size * HASH_BYTES
    return (
        kept is not None
        and (kept.size, kept.root) == (head.size, head.root)
        and len(kept_hashes) >= end
        and keyring.verifies(kept)
        and hashlib.sha256(kept_hashes[:end]).hexdigest() == kept.sha256
    )


def head_problems(
    hashes: bytes, head: TreeHead, kept_hashes: bytes, vouched: bool
) -> list[tuple[int, str]]:
    """What a journal of these hashes breaks of what ``head`` vouches for."""
    size, end = len(hashes) // HASH_BYTES, head.size * HASH_BYTES
    rewritten = None
    if vouched:
        unlike = _first_unlike(hashes[:end], kept_hashes[:end])
        if unlike is not None:
            rewritten = (
                unlike,
                f"entry {unlike}: not the entry the signed head of {head.at} vouches for "
                "(the history was rewritten from here)",
            )
    if size < head.size:
        missing = (
            size + 1,
            f"entries {size + 1} to {head.size} are missing: the signed head of {head.at} "
            f"vouches for {head.size} entries, the database holds {size}",
        )
        return [rewritten, missing] if rewritten else [missing]
    if rewritten:
        return [rewritten]
    if not vouched and JournalTree(split(hashes[:end])).root_hex() != head.root:
        return [
            (
                head.size,
                f"entries 1 to {head.size} do not give the root the signed head of {head.at} "
                f"vouches for (the history was rewritten at or before entry {head.size})",
            )
        ]
    return []


def head_row_problems(head_row: tuple[int, str], hashes: bytes) -> list[tuple[int, str]]:
    """What ``journal_head`` (seq, hash) breaks of a journal of these hashes."""
    seq, digest = head_row
    last = len(hashes) // HASH_BYTES
    if seq > last:
        return [
            (
                last + 1,
                f"journal_head names entry {seq}, but the journal ends at entry {last}: "
                f"entries {last + 1} to {seq} are missing",
            )
        ]
    if seq < last:
        return [(seq + 1, f"entries {seq + 1} to {last} lie past journal_head (entry {seq})")]
    if digest != (hashes[-HASH_BYTES:].hex() if hashes else GENESIS):
        return [(last, f"journal_head's hash is not entry {last}'s")]
    return []


def _first_unlike(hashes: bytes, kept: bytes) -> int | None:
    if hashes == kept[: len(hashes)]:
        return None
    return next(
        at // HASH_BYTES + 1
        for at in range(0, len(hashes), HASH_BYTES)
        if hashes[at : at + HASH_BYTES] != kept[at : at + HASH_BYTES]
    )


def _first_gap(chunk: Sequence[tuple[int, str, bool]], expected: int) -> tuple[int, str]:
    for seq, _, _ in chunk:
        if seq != expected:
            return expected, f"entry {expected} is missing (the next entry stored is {seq})"
        expected += 1
    raise AssertionError("a chunk out of place has a gap")


def _check_tail(journal: StoredJournal, hashes: bytes, size: int) -> None:
    """The entries past the signed head, checked by their chain onto it."""
    previous = hashes[(size - 1) * HASH_BYTES : size * HASH_BYTES].hex() if size else GENESIS
    for row in journal.rows(after=size):
        try:
            data = json.loads(row.body)
        except ValueError:
            _fail(row.seq, f"entry {row.seq}: its body is not a journal entry")
        if not isinstance(data, dict) or data.get("prev") != previous:
            _fail(row.seq, f"entry {row.seq}: does not follow the entry before it (chain broken)")
        if data.get("seq") != row.seq:
            _fail(row.seq, f"entry {row.seq}: its seq column disagrees with its body")
        previous = row.hash


def _check_head_row(journal: StoredJournal, hashes: bytes) -> None:
    problems = head_row_problems(journal.head_row(), hashes)
    if problems:
        _fail(*problems[0])


def _fail(first_bad: int, problem: str) -> NoReturn:
    raise JournalUnsound(first_bad, problem)
