"""Where journal entries are kept: in memory, or appended to a JSON Lines file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from accord.journal.model import GENESIS, HASHED_FIELDS, Entry
from accord.kernel.errors import AccordError

#: The longest line an exported journal may hold (an entry is a few kilobytes).
MAX_LINE = 16 * 1024 * 1024
_FIELDS = frozenset((*HASHED_FIELDS, "hash"))


class JournalFileError(AccordError):
    """An exported journal that cannot be read: names the file, the line and what is wrong."""


class EntrySource(Protocol):
    def entries(self) -> Iterator[Entry]: ...


class Journal(Protocol):
    def append(self, entry: Entry) -> None: ...
    def entries(self) -> Iterator[Entry]: ...
    @property
    def last_hash(self) -> str: ...
    def __len__(self) -> int: ...


class InMemoryJournal:
    def __init__(self) -> None:
        self._entries: list[Entry] = []

    def append(self, entry: Entry) -> None:
        self._entries.append(entry)

    def entries(self) -> Iterator[Entry]:
        return iter(self._entries)

    @property
    def last_hash(self) -> str:
        return self._entries[-1].hash if self._entries else GENESIS

    def __len__(self) -> int:
        return len(self._entries)


class JsonLinesJournal:
    """One JSON object per line; each append is flushed and synced before it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._count = 0
        self._last = GENESIS
        for entry in self.entries():
            self._count, self._last = self._count + 1, entry.hash

    def append(self, entry: Entry) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        self._count, self._last = self._count + 1, entry.hash

    def entries(self) -> Iterator[Entry]:
        """Each line's entry; JournalFileError, naming the line, at one that is not an entry."""
        if not self.path.exists():
            return
        try:
            with self.path.open(encoding="utf-8") as stream:
                number = 0
                while line := stream.readline(MAX_LINE + 1):
                    number += 1
                    if len(line) > MAX_LINE:
                        raise JournalFileError(f"{self.path}: line {number}: longer than 16 MiB")
                    if line.strip():
                        yield _entry(line, f"{self.path}: line {number}")
        except UnicodeDecodeError as error:
            raise JournalFileError(f"{self.path}: not UTF-8 text ({error})") from None
        except OSError as error:
            raise JournalFileError(f"{self.path}: cannot read it ({error})") from None

    @property
    def last_hash(self) -> str:
        return self._last

    def __len__(self) -> int:
        return self._count


def _entry(line: str, where: str) -> Entry:
    try:
        data = json.loads(line)
    except ValueError as error:
        raise JournalFileError(f"{where}: not JSON ({error})") from None
    if not isinstance(data, dict):
        raise JournalFileError(f"{where}: not a journal entry (a JSON object)")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise JournalFileError(f"{where}: {', '.join(unknown)}: not a field of a journal entry")
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise JournalFileError(f"{where}: seq: a whole number")
    try:
        return Entry.from_dict(data)
    except TypeError as error:
        raise JournalFileError(f"{where}: not a journal entry ({error})") from None
