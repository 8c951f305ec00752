"""The journal against its signed head, before anything is served from it.

Every entry's stored body must give its hash; the entries up to the head's size must give its
root (and be the very hashes the seal kept, which names the first one rewritten); the entries
after it must chain onto it; ``journal_head`` must name the last entry. Only a hash over each
stored body and a Merkle root: no entry is decoded but those past the head.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from accord.journal.heads import TreeHead
from accord.journal.model import GENESIS
from accord.journal.stored import StoredJournal
from accord.journal.tree import JournalTree
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
    #: Every entry's hash, in seq order, and the tree over them.
    hashes: list[bytes]
    tree: JournalTree
    #: The seal's kept hashes disagree with a journal that gives the signed root: rewrite them.
    kept_hashes_stale: bool = False


def check_against_head(journal: StoredJournal, head: TreeHead, kept: Sequence[bytes]) -> Checked:
    """The start-up check of a journal that has a signed head; JournalUnsound if it fails."""
    hashes: list[bytes] = []
    expected, first_unlike_kept = 1, None
    for seq, digest, sound in journal.sealed_hashes():
        if seq != expected:
            _fail(expected, f"entry {expected} is missing (the next entry stored is {seq})")
        if not sound:
            _fail(seq, f"entry {seq}: its content does not match its hash (edited in place)")
        raw = bytes.fromhex(digest)
        if first_unlike_kept is None and seq <= min(head.size, len(kept)) and raw != kept[seq - 1]:
            first_unlike_kept = seq
        hashes.append(raw)
        expected = seq + 1
    tree = JournalTree(hashes)
    problems = head_problems(tree, head, kept, first_unlike_kept)
    if problems:
        _fail(*problems[0])
    _check_tail(journal, hashes, head.size)
    _check_head_row(journal, hashes)
    return Checked(hashes, tree, kept_hashes_stale=first_unlike_kept is not None)


def check_whole_chain(journal: StoredJournal) -> Checked:
    """The check of a journal no head vouches for yet (its first start since the seal came):
    every entry's content, its chain and its columns, once."""
    check = verify_rows(journal.rows())
    if check.problems:
        _fail(*check.problems[0])
    _check_head_row(journal, check.hashes)
    return Checked(check.hashes, JournalTree(check.hashes))


def head_problems(
    tree: JournalTree, head: TreeHead, kept: Sequence[bytes], first_unlike_kept: int | None
) -> list[tuple[int, str]]:
    """What a journal of these hashes breaks of what ``head`` vouches for."""
    size = tree.get_size()
    rewritten = None
    if first_unlike_kept is not None and _kept_are_signed(kept, head):
        rewritten = (
            first_unlike_kept,
            f"entry {first_unlike_kept}: not the entry the signed head of {head.at} vouches "
            "for (the history was rewritten from here)",
        )
    if size < head.size:
        missing = (
            size + 1,
            f"entries {size + 1} to {head.size} are missing: the signed head of {head.at} "
            f"vouches for {head.size} entries, the database holds {size}",
        )
        return [rewritten, missing] if rewritten else [missing]
    if tree.root_hex(head.size) != head.root:
        return [
            rewritten
            or (
                head.size,
                f"entries 1 to {head.size} do not give the root the signed head of {head.at} "
                f"vouches for (the history was rewritten at or before entry {head.size})",
            )
        ]
    return []


def _kept_are_signed(kept: Sequence[bytes], head: TreeHead) -> bool:
    return len(kept) >= head.size and JournalTree(kept[: head.size]).root_hex() == head.root


def _check_tail(journal: StoredJournal, hashes: list[bytes], size: int) -> None:
    """The entries past the signed head, checked by their chain onto it."""
    previous = hashes[size - 1].hex() if size else GENESIS
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


def _check_head_row(journal: StoredJournal, hashes: list[bytes]) -> None:
    problems = head_row_problems(journal.head_row(), hashes)
    if problems:
        _fail(*problems[0])


def head_row_problems(head_row: tuple[int, str], hashes: list[bytes]) -> list[tuple[int, str]]:
    """What ``journal_head`` (seq, hash) breaks of a journal of these hashes."""
    seq, digest = head_row
    last = len(hashes)
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
    if digest != (hashes[-1].hex() if hashes else GENESIS):
        return [(last, f"journal_head's hash is not entry {last}'s")]
    return []


def _fail(first_bad: int, problem: str) -> NoReturn:
    raise JournalUnsound(first_bad, problem)
