"""Reading a JSON object field by field, so that every error names the field and its owner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NoReturn


class InstanceError(ValueError):
    """A field of an instance is missing or wrong; the message names it and its unit or
    requirement."""


class Record:
    """One JSON object, read field by field; every error names the field and the object."""

    def __init__(
        self, data: Any, context: str, known: set[str], required: set[str] | None = None
    ) -> None:
        if not isinstance(data, dict):
            raise InstanceError(f"{context}: an object, not {type(data).__name__}")
        self.data, self.context = data, context
        if isinstance(data.get("id"), str):
            self.context = f"{context} ({data['id']})"
        if missing := sorted((known if required is None else required) - data.keys()):
            raise InstanceError(f"{self.context}: missing field {missing[0]!r}")
        # A misspelt optional field would otherwise be silently ignored.
        if unknown := sorted(data.keys() - known):
            raise InstanceError(f"{self.context}: unknown field {unknown[0]!r}")

    def fail(self, name: str, problem: str) -> NoReturn:
        raise InstanceError(f"{self.context}: {name}: {problem}")

    def has(self, name: str) -> bool:
        return self.data.get(name) is not None

    def need(self, name: str, kind: type) -> Any:
        if name not in self.data:
            raise InstanceError(f"{self.context}: missing field {name!r}")
        if not isinstance(self.data[name], kind):
            self.fail(name, f"must be a JSON {'object' if kind is dict else 'array'}")
        return self.data[name]

    def optional(self, name: str, kind: type, default: Any) -> Any:
        return self.need(name, kind) if self.has(name) else default

    @property
    def id(self) -> str:
        return self.text("id")

    def text(self, name: str) -> str:
        value = self.data[name]
        if not isinstance(value, str) or not value:
            self.fail(name, f"must be a non-empty string, not {value!r}")
        return str(value)

    def names(self, name: str, required: bool = True) -> frozenset[str]:
        values: Sequence[Any] = self.need(name, list) if required else self.optional(name, list, [])
        if required and not values:
            self.fail(name, "must name at least one")
        if not all(isinstance(value, str) and value for value in values):
            self.fail(name, f"must be a list of non-empty strings, not {values!r}")
        return frozenset(values)

    def integer(self, name: str, least: int) -> int:
        value = self.data[name]
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            wanted = "a positive integer" if least == 1 else f"an integer of at least {least}"
            self.fail(name, f"must be {wanted}, not {value!r}")
        return int(value)

    def day(self, name: str) -> dt.date:
        value = self.data[name]
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(name, f"must be a day as YYYY-MM-DD, not {value!r}")
