"""The one writer: every write from every entry point, in order, in group commits.

Callers on any thread hand their work to a queue and wait for its answer. One thread takes
whatever is waiting into one transaction (each command still its own journal entry, ruling
and answer), commits it once, publishes the new immutable world, and only then answers: a
write is acknowledged once it is on disk, and the next read of any caller sees it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from accord.kernel.errors import StorageUnavailable
from accord.service.bus import MessageBus
from accord.service.unit_of_work import WriteFailed
from accord.service.world import World

#: Work done inside the writer's open transaction, with its bus.
Work = Callable[[MessageBus], Any]
#: Told of each world the writer publishes, with the seq and hash of the entry it ends with.
OnPublish = Callable[[World, int, str], None]
T = TypeVar("T")

log = logging.getLogger(__name__)


@dataclass
class _Item:
    work: Work
    answer: Future[Any] = field(default_factory=Future)


class Writer:
    def __init__(
        self,
        bus: MessageBus,
        max_batch: int = 64,
        after_commit: Callable[[], None] | None = None,
        on_publish: OnPublish | None = None,
    ) -> None:
        self.bus = bus
        self.max_batch = max(1, max_batch)
        #: Run once each transaction has committed, before its callers are answered (the
        #: journal's seal signs the new head there).
        self.after_commit = after_commit
        #: Told each world published, after its callers are answered (the snapshots).
        self.on_publish = on_publish
        #: The world everyone reads, and how many journal entries made it.
        self.snapshot: World = bus.uow.world
        self.seq = len(bus.uow.journal)
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        #: Work handed over by ``submit`` and not yet answered.
        self._unsettled = 0
        self._counting = threading.Lock()

    def call(self, work: Callable[[MessageBus], T]) -> T:
        """Run ``work`` in the writer's next transaction; its answer, or the error it raised."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("the writer cannot wait for itself: do the work in place")
        answer: T = self.submit(work).result()
        return answer

    def submit(self, work: Callable[[MessageBus], T]) -> Future[T]:
        """Queue ``work`` for the writer's next transaction: its answer, to come (an event
        loop awaits it with ``asyncio.wrap_future`` instead of holding a thread)."""
        item = _Item(work)
        self._start()
        self._queue.put(item)
        return item.answer

    def hand_over(self, work: Work) -> Future[Any]:
        """Hand ``work`` to the writer's next transaction, and nobody waits for it: many such
        (journaled denials) share one group commit. A failure is logged, since no caller is
        there to be told; ``settle`` waits for all of them."""
        with self._counting:
            self._unsettled += 1
        answer = self.submit(work)
        answer.add_done_callback(self._settled)
        return answer

    def pending(self) -> bool:
        """Whether work handed over without waiting may not be written yet."""
        return self._unsettled > 0

    def settle(self) -> None:
        """Wait until everything handed to the writer so far is written (the queue is in
        order: an empty piece of work goes after it)."""
        if threading.current_thread() is not self._thread:
            self.call(lambda bus: None)

    def _settled(self, answer: Future[Any]) -> None:
        with self._counting:
            self._unsettled -= 1
        if (error := answer.exception()) is not None:
            log.error("work handed to the writer without waiting failed: %s", error)

    def catch_up(self) -> World:
        """The world with whatever other processes committed since, once the writer has read it."""
        self.call(lambda bus: None)
        return self.snapshot

    def close(self) -> None:
        """Finish the waiting work, then stop the thread."""
        with self._starting:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join()
                self._thread = None

    def _start(self) -> None:
        if self._thread is None:
            with self._starting:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="accord-writer", daemon=True
                    )
                    self._thread.start()

    def _run(self) -> None:
        while (first := self._queue.get()) is not None:
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)
                    break
                batch.append(item)
            try:
                self._write(batch)
            except Exception as error:
                # Whatever went wrong, no caller is left waiting for an answer.
                log.exception("the writer could not write a batch")
                _fail([item for item in batch if not item.answer.done()], error)

    def _write(self, batch: list[_Item]) -> None:
        try:
            with self.bus.uow.transaction():
                answers = [_attempt(item, self.bus) for item in batch]
        except WriteFailed as error:
            if len(batch) == 1:
                return _fail(batch, error)
            # One command's write failed: its neighbours are written again, each on its own.
            for item in batch:
                self._write([item])
            return None
        except StorageUnavailable as error:
            return _fail(batch, error)
        # The world first: ``seq`` never claims more than the world anyone can read.
        self.snapshot, self.seq = self.bus.uow.world, len(self.bus.uow.journal)
        self._after_commit()
        for item, (done, value) in zip(batch, answers, strict=True):
            if done:
                item.answer.set_result(value)
            else:
                item.answer.set_exception(value)
        if self.on_publish is not None:
            self.on_publish(self.snapshot, self.seq, self.bus.uow.journal.last_hash)
        return None

    def _after_commit(self) -> None:
        if self.after_commit is None:
            return
        try:
            self.after_commit()
        except Exception:
            # The commit stands and is answered: a head not signed now is signed after the
            # next commit, and the tail it leaves is checked by its chain at the next start.
            log.exception("the writer's after-commit step failed")


def _attempt(item: _Item, bus: MessageBus) -> tuple[bool, Any]:
    """Whether the work was done, and its answer or the error it raised before writing."""
    try:
        return True, item.work(bus)
    except (WriteFailed, StorageUnavailable):
        raise
    except Exception as error:
        return False, error


def _fail(batch: list[_Item], error: Exception) -> None:
    for item in batch:
        item.answer.set_exception(error)
