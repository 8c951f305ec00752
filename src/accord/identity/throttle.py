"""Login throttling: after a few wrong passwords, each further attempt waits twice as long.

Kept per account name and per client address, so that neither guessing one account's
password from many addresses nor many accounts' from one address goes fast. After ``free``
failures within ``window`` seconds, the next attempt on that key must wait ``base`` seconds
after the last failure, then twice that after each further failure, up to ``cap``; a
correct password clears its account (an address that guessed stays suspect). Attempts made
while waiting are not checked at all (so they neither reveal a password nor lengthen the
wait).

Hand-written: the rate limiters on PyPI (limits, slowapi) count requests in windows; none
backs off on failures alone. State is the process's own (one server per database).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

#: Failures allowed before the waits start, the window they are counted in, the first wait
#: and the longest.
FREE_FAILURES = 5
WINDOW_SECONDS = 15 * 60
BASE_SECONDS = 1.0
CAP_SECONDS = 15 * 60
#: Keys remembered at most (the oldest forgotten first), so that a flood of made-up names
#: or addresses cannot fill the memory.
MAX_KEYS = 100_000


@dataclass
class _Failures:
    times: list[float] = field(default_factory=list)


class LoginThrottle:
    def __init__(
        self,
        free: int = FREE_FAILURES,
        window: float = WINDOW_SECONDS,
        base: float = BASE_SECONDS,
        cap: float = CAP_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.window, self.base, self.cap, self.clock = free, window, base, cap, clock
        self._failures: OrderedDict[str, _Failures] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, keys: Iterable[str]) -> int:
        """Whole seconds to wait before an attempt on any of ``keys`` is checked (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [self._wait(key, now) for key in keys]
        return math.ceil(max(waits, default=0.0))

    def failed(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                failures = self._failures.pop(key, None) or _Failures()
                failures.times = [t for t in failures.times if now - t < self.window] + [now]
                self._failures[key] = failures
            while len(self._failures) > MAX_KEYS:
                self._failures.popitem(last=False)

    def succeeded(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _wait(self, key: str, now: float) -> float:
        failures = self._failures.get(key)
        if failures is None:
            return 0.0
        recent = [t for t in failures.times if now - t < self.window]
        beyond = len(recent) - self.free
        if beyond < 0:
            return 0.0
        wait = min(self.cap, self.base * 2.0**beyond)
        return max(0.0, recent[-1] + wait - now)


def login_keys(name: str, address: str | None) -> tuple[str, ...]:
    """The keys an attempt counts against: its account (names are not case-sensitive to an
    attacker's benefit) and its client address."""
    keys = [f"account:{name.strip().lower()}"]
    if address:
        keys.append(f"address:{address}")
    return tuple(keys)
