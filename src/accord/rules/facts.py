"""The facts a question gives, as plain keys and values (from the CLI, a rule case or the API),
read field by field: a missing, unknown or malformed one is refused naming it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code

_YES_NO = ("true", "yes", "1", "false", "no", "0")


class Facts:
    """The given facts of a question, read field by field with errors naming the field."""

    def __init__(self, given: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = sorted(set(given) - allowed)
        if unknown:
            raise InvalidInput(
                unknown[0], f"unknown field; this question takes {', '.join(sorted(allowed))}"
            )
        self.given = given

    def text(self, name: str, default: str | None = None) -> str:
        value = self.given.get(name, default)
        if value is None:
            raise InvalidInput(name, "required")
        return str(value)

    def state(self, name: str, default: str | None = None) -> str:
        try:
            return state_code(self.text(name, default))
        except ValueError as error:
            raise InvalidInput(name, str(error)) from None

    def states(self, name: str) -> tuple[str, ...]:
        value = self.given.get(name, [])
        items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
        try:
            return tuple(state_code(str(v)) for v in items)
        except ValueError as error:
            raise InvalidInput(name, str(error)) from None

    def word(
        self, name: str, words: frozenset[str] | tuple[str, ...], default: str | None = None
    ) -> str:
        value = self.text(name, default)
        if value not in words:
            raise InvalidInput(name, f"must be one of {', '.join(sorted(words))}, not {value!r}")
        return value

    def words(self, name: str, words: frozenset[str], default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.given.get(name, list(default))
        items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
        for item in items:
            if item not in words:
                raise InvalidInput(name, f"{item!r} is not one of {', '.join(sorted(words))}")
        return tuple(items)

    def flag(self, name: str) -> bool:
        value = self.given.get(name, False)
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "yes", "1"):
            return True
        if str(value).lower() in ("false", "no", "0"):
            return False
        raise InvalidInput(name, f"must be true or false, not {value!r}")

    def mandate(self, name: str) -> str | None:
        """A UN resolution's reference; ``true`` for a mandate not named; false or absent: none."""
        value = self.given.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or str(value).lower() in _YES_NO:
            return "a UN Security Council mandate" if self.flag(name) else None
        return str(value)

    def optional_state(self, name: str) -> str | None:
        return self.state(name) if self.given.get(name) is not None else None
