"""The journal as stored, row by row: what the checks read, whatever keeps it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import NamedTuple, Protocol


class StoredRow(NamedTuple):
    seq: int
    request_key: str | None
    hash: str
    #: The entry's canonical JSON, the bytes its hash is taken over.
    body: bytes


class StoredJournal(Protocol):
    def rows(self, after: int = 0, limit: int | None = None) -> Iterator[StoredRow]:
        """The rows after seq ``after`` in seq order (at most ``limit``)."""
        ...

    def sealed_hashes(self) -> Iterator[list[tuple[int, str, bool]]]:
        """Every row's seq and hash, in seq order, and whether its body gives that hash, a
        few thousand rows at a time."""
        ...

    def head_row(self) -> tuple[int, str]:
        """The seq and hash the journal_head row names."""
        ...


class SnapshotJournal(StoredJournal, Protocol):
    def snapshot(self) -> AbstractContextManager[StoredJournal]:
        """The journal as one transaction sees it, for a check made of several reads."""
        ...
