"""A parameter the engine reads, as a typed key: its name, its type, the article it rests on.

A rule asks ``rulebook.parameter(RESTRICTED_FORMAT)`` and gets a ``bool``: the name is written
once, in accord.rules.parameters, and the charter loader refuses a file whose name or value the
key does not accept, so a typo is an error when the charter loads, never a silent ``None``.

>>> flag("voting/example", "CHARTER-12").read(True)
True
>>> words("voting/example_kinds", "CHARTER-12").read(["admission"])
('admission',)
>>> words("voting/example_kinds", "CHARTER-12", frozenset({"admission"})).problem(["budget"])
"a list drawn from ['admission'] (unknown: ['budget'])"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Parameter(Generic[T]):
    """A value of the law a charter states in ``parameters/<name>.yaml``, dated.

    ``unset`` is the law's answer on a day the charter gives no value (before its first date):
    no restricted format, no kind needing every member's consent, no body. ``optional`` says a
    charter may leave the file out (the NATO data has no suspension procedure); a required one
    missing is refused when the charter loads.
    """

    name: str
    rests_on: str
    problem: Callable[[Any], str | None]
    convert: Callable[[Any], T]
    unset: T
    optional: bool = False
    names_a_body: bool = False

    def read(self, value: Any) -> T:
        """The charter's value as ``T``; the loader checked it with ``problem`` already."""
        problem = self.problem(value)
        if problem is not None:
            raise ValueError(f"parameter {self.name}: {value!r} is not {problem}")
        return self.convert(value)


def _keep(value: Any) -> Any:
    return value


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "a boolean (true or false)"


def _is_months(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "a whole number of months, zero or more"


def _is_count(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    return None if ok else "a whole number, one or more"


def _is_text(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "a non-empty text"


def _one_of(allowed: frozenset[str]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        # isinstance first: a list or a mapping is no word, and cannot be looked up in a set.
        ok = isinstance(value, str) and value in allowed
        return None if ok else f"one of {sorted(allowed)}"

    return check


def _list_of(allowed: frozenset[str] | None) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "a list of words"
        if allowed is None:
            return None
        unknown = sorted(set(value) - allowed)
        return f"a list drawn from {sorted(allowed)} (unknown: {unknown})" if unknown else None

    return check


def flag(name: str, rests_on: str, optional: bool = False) -> Parameter[bool]:
    """A yes or no of the law; unset it is no."""
    return Parameter(name, rests_on, _is_bool, bool, False, optional)


def words(
    name: str, rests_on: str, allowed: frozenset[str] | None = None, optional: bool = False
) -> Parameter[tuple[str, ...]]:
    """A list of words, in the charter's order; unset it is empty."""
    return Parameter(name, rests_on, _list_of(allowed), tuple, (), optional)


def word(
    name: str, rests_on: str, allowed: frozenset[str], unset: str, optional: bool = False
) -> Parameter[str]:
    """One word among ``allowed``; ``unset`` is what holds on a day the charter says nothing."""
    return Parameter(name, rests_on, _one_of(allowed), str, unset, optional)


def body(name: str, rests_on: str, optional: bool = False) -> Parameter[str | None]:
    """The id of a body of the charter; unset there is none (no such procedure)."""
    return Parameter(name, rests_on, _is_text, _keep, None, optional, names_a_body=True)


def months(name: str, rests_on: str) -> Parameter[int | None]:
    """A number of months; unset there is none (the thing it counts down to is not possible)."""
    return Parameter(name, rests_on, _is_months, _keep, None)


def count(name: str, rests_on: str, unset: int, optional: bool = False) -> Parameter[int]:
    """A number of things (states, sessions), one or more; ``unset`` holds on a silent day."""
    return Parameter(name, rests_on, _is_count, int, unset, optional)
