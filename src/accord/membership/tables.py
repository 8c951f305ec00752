"""Membership records kept by Accord: one row per event (status changes, notices, requests)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from accord.adapters.schema import Document, metadata

membership_records = Table(
    "membership_records",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # 16, not 3: an organization granted observer or partner status is on the roll too.
    Column("state", String(16), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    Column("document", Document, nullable=False),
)
