"""Where journal entries are kept: in memory, or appended to a JSON Lines file."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from accord.journal.model import GENESIS, Entry


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
        if not self.path.exists():
            return
        with self.path.open(encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield Entry.from_dict(json.loads(line))

    @property
    def last_hash(self) -> str:
        return self._last

    def __len__(self) -> int:
        return self._count
