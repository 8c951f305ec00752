"""Aggregates as JSON documents, and rows replaced by key: what every context's repository uses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, insert


def to_document(value: Any) -> Any:
    """Dataclasses, dates, enums, sets and tuples as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_document(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_document(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(to_document(v) for v in value)
    if isinstance(value, list | tuple):
        return [to_document(v) for v in value]
    return value


def replace_rows(connection: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Write each row over the row with the same primary key (portable upsert)."""
    rows = list(rows)
    if not rows:
        return
    key = next(iter(table.primary_key.columns))
    connection.execute(delete(table).where(key.in_([row[key.name] for row in rows])))
    connection.execute(insert(table), rows)
