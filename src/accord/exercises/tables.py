"""Exercise plans and exercises: searchable columns and each record as a document."""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, String, Table

from accord.adapters.schema import Document, metadata

exercise_plans = Table(
    "exercise_plans",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("year", Integer, nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("document", Document, nullable=False),
)

exercises = Table(
    "exercises",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("plan_id", String(32), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("host", String(3), nullable=False, index=True),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("document", Document, nullable=False),
)
