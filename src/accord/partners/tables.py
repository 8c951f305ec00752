"""Each state's signature and ratification of each instrument."""

from __future__ import annotations

from sqlalchemy import Column, Date, String, Table

from accord.adapters.schema import metadata

instrument_parties = Table(
    "instrument_parties",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("instrument", String(64), nullable=False, index=True),
    Column("state", String(3), nullable=False),
    Column("signed_on", Date, nullable=True),
    Column("ratified_on", Date, nullable=True),
)
