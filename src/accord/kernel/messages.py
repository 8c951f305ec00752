"""Commands (what someone asks), events (what happened) and the actor who asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from typing import Any, ClassVar, TypeVar, get_type_hints


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclasses.dataclass(frozen=True)
class Message:
    """A small frozen dataclass; its ``type_name`` is the snake_case of its class name."""

    type_name: ClassVar[str] = "message"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.type_name = _snake(cls.__name__)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


class Command(Message):
    """Imperative: what an actor asks Accord to do."""


class Event(Message):
    """Past tense: what a command caused."""


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who acts: a state (ISO alpha-3), ``chair``, ``secretary_general``, a body id or a user.

    ``state`` is the member state the actor speaks for, when it speaks for one.
    """

    id: str
    state: str | None = None
    role: str = "state"

    def __str__(self) -> str:
        return self.id


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


M = TypeVar("M", bound=Message)


def message_from_dict(cls: type[M], data: dict[str, Any]) -> M:
    """Rebuild a message written by ``to_dict`` (dates, tuples and mappings restored)."""
    hints = get_type_hints(cls)
    values = {
        f.name: _typed(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data
    }
    return cls(**values)


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _typed(inner[0], value) if len(inner) == 1 else value
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(_typed(item, v) for v in value)
    if origin is dict:
        key, item = args if args else (Any, Any)
        return {_typed(key, k): _typed(item, v) for k, v in value.items()}
    return value
