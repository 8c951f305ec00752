"""Stages of the standing operations and each member's results in them."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table

from accord.adapters.schema import Document, metadata

operation_stages = Table(
    "operation_stages",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("operation", String(32), nullable=False, index=True),
    Column("year", Integer, nullable=False, index=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("document", Document, nullable=False),
)

operation_results = Table(
    "operation_results",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("stage_id", String(32), nullable=False, index=True),
    Column("operation", String(32), nullable=False),
    Column("year", Integer, nullable=False, index=True),
    Column("state", String(3), nullable=False, index=True),
    Column("detentions", Integer, nullable=False),
    Column("resources_blocked", Integer, nullable=False),
    Column("document", Document, nullable=False),
)
