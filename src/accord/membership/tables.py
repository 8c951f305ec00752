"""Membership records kept by Accord: one row per event (status changes, notices, requests)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from accord.adapters.schema import Document, metadata

membership_records = Table(
    "membership_records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(3), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    Column("document", Document, nullable=False),
)
