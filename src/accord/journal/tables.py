"""The journal's tables: one row per entry, and the head that writers lock in turn."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from accord.adapters.schema import Document, metadata

journal_entries = Table(
    "journal_entries",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("command", String(64), nullable=False),
    Column("payload", Document, nullable=False),
    Column("allowed", Boolean, nullable=False),
    Column("articles", Document, nullable=False),
    Column("reasons", Document, nullable=False),
    Column("events", Document, nullable=False),
    Column("details", Document, nullable=False),
    Column("request_key", String(200), nullable=True, unique=True),
    Column("prev", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)

#: One row: the last entry's number and hash. A writer locks it, so entries chain in order.
journal_head = Table(
    "journal_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", Text, nullable=False),
)
