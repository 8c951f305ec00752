"""Errors every context raises: bad input names the field and the rule it breaks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

R = TypeVar("R")


class AccordError(Exception):
    """Base of every error Accord reports to a person."""


class InvalidInput(AccordError):
    """Input that breaks a rule of form, naming the field and the rule."""

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.field = field
        self.rule = rule


class CharterError(AccordError):
    """Treaty data that cannot be loaded: names the file, the key and what is wrong."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        super().__init__(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")
        self.file = file
        self.key = key
        self.problem = problem


class NotFound(AccordError):
    """A record that does not exist."""


def missing(what: str, record_id: str) -> str:
    """The words for an unknown id, the same from every context and from the edge."""
    return f"{what} {record_id!r} does not exist"


def found(records: Mapping[str, R], what: str, record_id: str) -> R:
    """The record ``record_id`` of ``records``, a ``what``; NotFound if there is none."""
    record = records.get(record_id)
    if record is None:
        raise NotFound(missing(what, record_id))
    return record


class StorageUnavailable(AccordError):
    """The database cannot keep a write (its file removed, replaced or read-only, its server
    gone): nothing is acknowledged; the message names the database and what is wrong."""
