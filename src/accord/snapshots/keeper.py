"""When snapshots are written: off the writer, in a thread of their own, once the published read
model is ``every`` entries past the last snapshot; and when a server stops cleanly.

The writer only hands over each world it publishes (a reference: worlds are immutable, so the
thread pickles one while the writer goes on to the next). A short-lived process (``accord
send``, the CLIs) writes one on closing only if it too went ``every`` entries past the last, so
that a long tail it replayed is not replayed again by the next.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from accord.service.world import World
from accord.snapshots.store import SnapshotStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Published:
    world: World
    seq: int
    hash: str


class SnapshotKeeper:
    def __init__(self, store: SnapshotStore, every: int, since: int) -> None:
        """``since``: the seq the read model started from (its snapshot's, or 0)."""
        self.store, self.every = store, max(1, every)
        self.written = since
        self._latest: _Published | None = None
        self._wake = threading.Event()
        self._closing = False
        self._thread: threading.Thread | None = None

    def published(self, world: World, seq: int, entry_hash: str) -> None:
        """The writer published ``world``, built from the journal up to ``seq``: cheap."""
        self._latest = _Published(world, seq, entry_hash)
        if self._due(self._latest):
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="accord-snapshots", daemon=True
                )
                self._thread.start()
            self._wake.set()

    def close(self, final: bool = False) -> None:
        """Stop the thread; then a last snapshot if one is due, or if ``final`` (a server
        stopping cleanly) and the read model moved since the last one."""
        self._closing = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        latest = self._latest
        if latest is not None and (self._due(latest) or (final and latest.seq > self.written)):
            self._write(latest)

    def _due(self, published: _Published) -> bool:
        return published.seq >= self.written + self.every

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._closing:
                return
            latest = self._latest
            if latest is not None and self._due(latest):
                self._write(latest)

    def _write(self, published: _Published) -> None:
        began = time.perf_counter()
        try:
            path = self.store.write(published.world, published.seq, published.hash)
        except Exception as error:
            # Snapshots only save time: a full disk or a bad folder never stops the server.
            log.warning("no read-model snapshot at entry %d: %s", published.seq, error)
        else:
            log.info(
                "read-model snapshot at entry %d: %s (%.0f ms)",
                published.seq,
                path,
                (time.perf_counter() - began) * 1000,
            )
        # Failed or not, the next attempt waits for ``every`` more entries, not the next commit.
        self.written = published.seq
