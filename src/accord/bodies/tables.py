"""Sessions and draft decisions: searchable columns and each record as a document."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, String, Table

from accord.adapters.schema import Document, metadata

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("body", String(16), nullable=False, index=True),
    Column("extraordinary", Boolean, nullable=False),
    Column("case_id", String(32), nullable=True, index=True),
    Column("document", Document, nullable=False),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("session_id", String(32), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("case_id", String(32), nullable=True, index=True),
    Column("outcome", String(24), nullable=True),
    Column("document", Document, nullable=False),
)
