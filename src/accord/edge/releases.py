"""The records a command names and whether a person may see each, in one lookup shared by
the send path (every command, from every entry point) and the routes' views.

A record not released to the caller is answered exactly as a missing one: the same NotFound,
naming the record the caller asked for (never the case it belongs to). Each context declares
its classified kinds and the command fields that name them (``Core.classified``), and which
of its commands' other fields name open records and which hold values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from accord.identity.permissions import Person
from accord.kernel.errors import NotFound, missing
from accord.kernel.messages import Command
from accord.service.world import World


class Unreleased(NotFound):
    """The record exists but is not released to the caller; its message is a missing one's,
    the type only tells the edge to journal the denied access."""


@dataclass(frozen=True)
class Kind:
    """A kind of record that carries a classification, its own or its case's."""

    name: str
    records: Callable[[World], Mapping[str, Any]]
    visible: Callable[[World, Any, Person, dt.date], bool]

    def missing(self, record_id: str) -> str:
        # The handlers' wording for an unknown id, so the edge and a handler cannot differ.
        return missing(self.name, record_id)


def named_records(command: Command, classified: Mapping[str, Kind]) -> Iterator[tuple[Kind, str]]:
    """The classified records the command names, in the order of its fields; ``classified``:
    the kind each declared field names."""
    for field in dataclasses.fields(command):
        kind = classified.get(field.name)
        value = getattr(command, field.name)
        if kind is not None and value is not None:
            yield kind, str(value)


def find_released(world: World, person: Person, day: dt.date, kind: Kind, record_id: str) -> Any:
    """The record, if it exists and is released to ``person`` on ``day``; NotFound if it does
    not exist, Unreleased (worded the same) if it is not released."""
    record = kind.records(world).get(record_id)
    if record is None:
        raise NotFound(kind.missing(record_id))
    if not kind.visible(world, record, person, day):
        raise Unreleased(kind.missing(record_id))
    return record
