"""The cases table: searchable columns and the whole case as a document."""

from __future__ import annotations

from sqlalchemy import Column, String, Table, Text

from accord.adapters.schema import Document, metadata

cases = Table(
    "cases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("requested_by", String(3), nullable=False, index=True),
    Column("article", String(32), nullable=False),
    Column("where_state", String(3), nullable=False),
    Column("stage", String(16), nullable=False, index=True),
    Column("classification", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("document", Document, nullable=False),
)
