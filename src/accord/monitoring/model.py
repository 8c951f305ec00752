"""The normalised event and what an ingest reports: rows read, added, and every bad row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event
from accord.monitoring.events import EventFileIngested
from accord.service.contexts import Part

CATEGORIES = (
    "terrorism",
    "drug_trafficking",
    "illegal_migration",
    "mercenaries",
    "armed_clash",
    "unrest",
    "border_incident",
    "other",
)

#: The normalised table every reader produces, column by column (DESIGN.md "Event data").
EVENT_COLUMNS: dict[str, str] = {
    "event_id": "string",
    "source": "string",
    "date": "date",
    "country_iso3": "string",
    "admin1": "string",
    "lat": "float64",
    "lon": "float64",
    "category": "string",
    "subcategory": "string",
    "actors": "string",
    "fatalities": "int64",
    "goldstein": "float64",
    "source_url": "string",
    # The member state whose border the event lies near, outside it (geography.nearest_border).
    "near_iso3": "string",
}


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class IngestReport:
    """What one file gave: every bad row is counted and named, never silently dropped."""

    file: str
    source: str
    rows_read: int = 0
    rows_valid: int = 0
    rows_added: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return self.rows_valid - self.rows_added


@dataclass(frozen=True)
class IngestRecord:
    file: str
    format: str
    sha256: str
    rows_added: int
    by: str
    at: dt.datetime


def apply(ingests: tuple[IngestRecord, ...], event: Event) -> tuple[IngestRecord, ...] | None:
    """The ingest log after one event, or None when the event is not about event data."""
    if not isinstance(event, EventFileIngested):
        return None
    record = IngestRecord(
        event.file, event.format, event.sha256, event.rows_added, event.by, event.at
    )
    return (*ingests, record)


INGESTS: Part[tuple[IngestRecord, ...]] = Part("ingests", tuple, apply)
