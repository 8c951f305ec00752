"""The login throttle's arithmetic, on a clock the test moves by hand."""

from __future__ import annotations

from accord.identity.throttle import LoginThrottle, login_keys


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_failures_are_free_then_each_wait_doubles_up_to_the_cap():
    clock = Clock()
    throttle = LoginThrottle(free=5, window=900, base=1, cap=8, clock=clock)
    keys = login_keys("kaz-delegation", "10.0.0.1")
    waits = []
    for _ in range(9):
        waits.append(throttle.retry_after(keys))
        throttle.failed(keys)
    assert waits == [0, 0, 0, 0, 0, 1, 2, 4, 8]
    throttle.failed(keys)
    assert throttle.retry_after(keys) == 8


def test_the_wait_runs_from_the_last_failure():
    clock = Clock()
    throttle = LoginThrottle(free=1, base=10, clock=clock)
    keys = login_keys("arm", None)
    throttle.failed(keys)
    clock.now += 4
    assert throttle.retry_after(keys) == 6
    clock.now += 6
    assert throttle.retry_after(keys) == 0


def test_failures_older_than_the_window_no_longer_count():
    clock = Clock()
    throttle = LoginThrottle(free=2, window=60, clock=clock)
    keys = login_keys("arm", None)
    for _ in range(3):
        throttle.failed(keys)
    assert throttle.retry_after(keys) > 0
    clock.now += 61
    assert throttle.retry_after(keys) == 0


def test_the_account_and_the_address_are_throttled_apart():
    clock = Clock()
    throttle = LoginThrottle(free=2, clock=clock)
    for name in ("a", "b", "c"):
        throttle.failed(login_keys(name, "10.0.0.9"))
    # a fourth account from the same address waits; the same account from elsewhere does not
    assert throttle.retry_after(login_keys("d", "10.0.0.9")) > 0
    assert throttle.retry_after(login_keys("a", "10.0.0.7")) == 0


def test_a_correct_password_clears_only_what_it_is_given():
    clock = Clock()
    throttle = LoginThrottle(free=1, clock=clock)
    keys = login_keys("KAZ-Delegation", "10.0.0.1")
    throttle.failed(keys)
    throttle.failed(keys)
    throttle.succeeded(keys[:1])
    assert throttle.retry_after(login_keys("kaz-delegation", None)) == 0
    assert throttle.retry_after(keys) > 0
