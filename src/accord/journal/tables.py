"""The journal's tables: one row per entry, and the head that writers lock in turn."""

from __future__ import annotations

from sqlalchemy import Column, Integer, LargeBinary, String, Table, Text

from accord.adapters.schema import metadata

#: An entry is its ``body``, the canonical JSON bytes its hash is taken over, and is read back
#: from it; the other columns are what queries look entries up by.
journal_entries = Table(
    "journal_entries",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("request_key", String(200), nullable=True, unique=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("body", LargeBinary, nullable=False),
)

#: One row: the last entry's number and hash. A writer locks it, so entries chain in order.
journal_head = Table(
    "journal_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", Text, nullable=False),
)
