"""Commands (what someone asks), events (what happened) and the actor who asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, TypeVar, get_type_hints


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


class Bound:
    """A field's bound that the kernel names and the rules define (``accord.rules.bounds``),
    since the kernel imports neither them nor pydantic: pydantic asks it for the schema of
    the type the rules gave it, so the bound is still written once."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.annotated: Any = None

    def define(self, annotated: Any) -> None:
        self.annotated = annotated

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        if self.annotated is None:
            raise LookupError(f"the bound {self.name!r} is defined by accord.rules.bounds")
        return handler.generate_schema(self.annotated)


NOTE = Bound("note")
#: The note verbale a command goes with; its bound is ``accord.rules.bounds.Note``.
Note = Annotated[str, NOTE]


@dataclasses.dataclass(frozen=True)
class Command(Message):
    """Imperative: what an actor asks Accord to do."""

    #: The text or the reference of the note verbale that goes with the command (states and
    #: the organization's bodies write to each other by note); journaled with it.
    note: Note | None = dataclasses.field(default=None, kw_only=True)


def command_fields(kind: type[Command]) -> list[dataclasses.Field[Any]]:
    """The command's fields, its own first, then those every command has (``note``)."""
    return sorted(dataclasses.fields(kind), key=lambda f: f.kw_only is True)


class Event(Message):
    """Past tense: what a command caused."""

    #: For an event that creates a record: the record's kind and the field holding its id,
    #: which the API answers with (``{"created": {"case": "case-7"}}``).
    creates: ClassVar[tuple[str, str] | None] = None


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
    decoders = _DECODERS.get(cls)
    if decoders is None:  # a race at worst works the same tuple out twice
        decoders = _DECODERS[cls] = _decoders(cls)
    values = {name: typed(data[name]) for name, typed in decoders if name in data}
    return cls(**values)


_DECODERS: dict[type[Message], tuple[tuple[str, Callable[[Any], Any]], ...]] = {}


def _decoders(cls: type[Message]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field's name and the function restoring its value, worked out once per class:
    get_type_hints evaluates every annotation anew on each call (most of a journal replay).
    Built on first use, not in ``__init_subclass__``: under postponed annotations a class's
    hints name types its module may define later, resolvable only once it is imported."""
    hints = get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))


def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function from the JSON value of a field of type ``hint`` to the field's value."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _decoder(inner[0]) if len(inner) == 1 else _as_is
    if hint is dt.datetime:
        return _or_none(dt.datetime.fromisoformat)
    if hint is dt.date:
        return _or_none(dt.date.fromisoformat)
    if origin is tuple:
        item = _decoder(args[0] if args else Any)
        return _or_none(lambda value: tuple(item(v) for v in value))
    if origin is dict:
        key, entry = (_decoder(a) for a in (args if args else (Any, Any)))
        return _or_none(lambda value: {key(k): entry(v) for k, v in value.items()})
    return _as_is


def _or_none(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _as_is(value: Any) -> Any:
    return value
