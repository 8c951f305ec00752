"""The full verification, run off the request path: one run at a time on a thread of its own,
its progress and its last result read at any moment.

A request never runs the verification: it asks for one (started only if none is running and
the last one did not already cover the journal as it is), and reads how far it has got.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

from accord.journal.verify import Verification

log = logging.getLogger(__name__)

#: Runs the full verification, reporting each thousand entries checked.
Check = Callable[[Callable[[int], None]], Verification]


@dataclass(frozen=True)
class Run:
    started_at: str
    #: Entries in the journal when the run started.
    total: int
    entries: int = 0
    finished_at: str | None = None
    ok: bool | None = None
    problems: tuple[str, ...] = ()
    first_bad: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "problems": list(self.problems)}


class BackgroundVerification:
    def __init__(self, check: Check, journal_size: Callable[[], int]) -> None:
        self._check, self._journal_size = check, journal_size
        self._lock = threading.Lock()
        self._latest: Run | None = None
        self._previous: Run | None = None
        self._done = threading.Event()
        self._done.set()

    def request(self) -> bool:
        """Start a run unless one is running or the last one covered the journal as it is;
        whether one was started."""
        size = self._journal_size()
        with self._lock:
            latest = self._latest
            if latest is not None and (latest.finished_at is None or latest.total >= size):
                return False
            self._previous, self._latest = latest, Run(_now(), size)
            self._done.clear()
        threading.Thread(target=self._run, name="accord-verification", daemon=True).start()
        return True

    def state(self) -> dict[str, Any]:
        with self._lock:
            latest, previous = self._latest, self._previous
        running = latest is not None and latest.finished_at is None
        return {
            "state": "never run" if latest is None else "running" if running else "done",
            **(latest.to_dict() if latest else {}),
            "previous": previous.to_dict() if running and previous else None,
        }

    def wait(self, seconds: float) -> bool:
        """Block up to ``seconds`` for the running verification; whether none is running."""
        return self._done.wait(seconds)

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def _run(self) -> None:
        try:
            result = self._check(self._progress)
            self._finish(
                ok=result.ok,
                entries=result.entries,
                problems=result.problems,
                first_bad=result.first_bad,
            )
        except Exception as error:
            log.exception("the journal's verification could not run")
            self._finish(ok=False, problems=(f"the verification could not run: {error}",))
        finally:
            self._done.set()

    def _progress(self, checked: int) -> None:
        with self._lock:
            if self._latest is not None:
                self._latest = replace(self._latest, entries=checked)

    def _finish(self, **outcome: Any) -> None:
        with self._lock:
            assert self._latest is not None
            self._latest = replace(self._latest, finished_at=_now(), **outcome)


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
