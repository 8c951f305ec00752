"""A database's snapshots, in its own folder outside the database: the newest few kept.

A snapshot is used only if it verifies and still describes this journal: its (seq, hash) must
be the journal's entry at seq. One that does not (tampered, from another charter or version of
Accord, or from a history the journal no longer has: a restored backup, a database replaced)
is skipped with a warning naming it and why, and start-up falls back to the one before it, or
to a full replay.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from accord.journal.signing import SigningKey
from accord.service.world import World
from accord.snapshots.binding import Binding
from accord.snapshots.envelope import SnapshotRejected, open_world, read_header, seal

log = logging.getLogger(__name__)

#: How many snapshots are kept: the newest, and two to fall back on.
KEPT = 3
_NAME = re.compile(r"snapshot-(\d{12})\.bin")

#: The hash of the journal's entry at a seq, or None if the journal has no such entry.
HashAt = Callable[[int], str | None]


@dataclass(frozen=True)
class Start:
    """Where a read model starts: the world built from the journal up to entry ``seq``."""

    world: World
    seq: int
    hash: str


def snapshot_folder(state: Path) -> Path:
    """Where the snapshots of the database whose state folder is ``state`` are kept."""
    return state / "snapshots"


class SnapshotStore:
    def __init__(self, folder: Path, key: SigningKey, binding: Binding) -> None:
        self.folder, self.key, self.binding = folder, key, binding

    def write(self, world: World, seq: int, entry_hash: str) -> Path:
        """Write the snapshot at ``seq`` (whole or not at all), then keep the newest few."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.folder / f"snapshot-{seq:012d}.bin"
        temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(seal(world, seq, entry_hash, self.binding, self.key))
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        self._prune(seq)
        return path

    def newest_usable(self, empty: World, hash_at: HashAt) -> Start | None:
        """The newest snapshot that verifies and matches the journal; None: replay it all."""
        for seq, path in self._listed():
            try:
                return self._opened(path, seq, empty, hash_at)
            except (SnapshotRejected, OSError, ValueError, TypeError, EOFError) as error:
                log.warning("read-model snapshot %s ignored: %s", path, error)
            except Exception as error:  # whatever a payload gone wrong raises in unpickling
                log.warning("read-model snapshot %s ignored: unreadable (%r)", path, error)
        return None

    def newest_seq(self) -> int:
        """The seq of the newest snapshot kept (0: none), used or not."""
        return next((seq for seq, _ in self._listed()), 0)

    def _opened(self, path: Path, seq: int, empty: World, hash_at: HashAt) -> Start:
        with path.open("rb") as stream:
            header = read_header(stream, self.key.public, self.binding)
            if header.seq != seq:
                raise SnapshotRejected(f"its header says entry {header.seq}, its name {seq}")
            found = hash_at(seq)
            if found is None:
                raise SnapshotRejected(f"the journal has no entry {seq} (it is shorter)")
            if found != header.hash:
                raise SnapshotRejected(f"the journal's entry {seq} is not the one it was built to")
            world = open_world(stream, header, empty)
        log.info("read model from snapshot %s (journal entry %d)", path, seq)
        return Start(world, seq, header.hash)

    def _listed(self) -> Iterator[tuple[int, Path]]:
        return _listed(self.folder)

    def _prune(self, written: int) -> None:
        # The one just written is of the journal's head: any past it comes from a history the
        # journal no longer has (or from another process a moment ago: one tail to replay).
        kept = 0
        for seq, path in self._listed():
            if seq <= written and kept < KEPT:
                kept += 1
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def remove_snapshots(folder: Path) -> int:
    """Remove every snapshot in ``folder``: how many there were."""
    removed = 0
    for _, path in _listed(folder):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return removed


def _listed(folder: Path) -> Iterator[tuple[int, Path]]:
    """The snapshots in ``folder`` by seq, newest first."""
    if not folder.is_dir():
        return iter(())
    found = []
    for path in folder.iterdir():
        match = _NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return iter(sorted(found, reverse=True))
