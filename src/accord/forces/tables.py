"""Units pledged by members."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, true

from accord.adapters.schema import Document, metadata

units = Table(
    "units",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(3), nullable=False, index=True),
    Column("formation", String(64), nullable=False),
    Column("strength", Integer, nullable=False),
    Column("readiness_level", String(16), nullable=False, server_default="level_1"),
    Column("pledged", Boolean, nullable=False, server_default=true()),
    Column("document", Document, nullable=False),
)
