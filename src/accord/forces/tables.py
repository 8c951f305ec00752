"""Units pledged by members."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from accord.adapters.schema import Document, metadata

units = Table(
    "units",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(3), nullable=False, index=True),
    Column("formation", String(64), nullable=False),
    Column("strength", Integer, nullable=False),
    Column("document", Document, nullable=False),
)
