"""Instruments recorded in Accord, each party's acts, and applications for a status."""

from __future__ import annotations

from sqlalchemy import Column, Date, String, Table

from accord.adapters.schema import Document, metadata

#: Wide enough for an organization's id (``OSCE``, ``UNODC``) as well as a state's code.
PARTY = 16

instrument_parties = Table(
    "instrument_parties",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("instrument", String(64), nullable=False, index=True),
    Column("state", String(PARTY), nullable=False),
    Column("signed_on", Date, nullable=True),
    Column("ratified_on", Date, nullable=True),
    Column("acceded_on", Date, nullable=True),
)

recorded_instruments = Table(
    "recorded_instruments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("document", Document, nullable=False),
)

status_applications = Table(
    "status_applications",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("applicant", String(PARTY), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("document", Document, nullable=False),
)
