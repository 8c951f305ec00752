"""Ingesting an event file: read it whole with its layout's reader, add its events to the
store in one statement, and the journal's command that records what it gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from accord.monitoring.commands import RecordEventFile
from accord.monitoring.ingest.acled import read_acled
from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.ingest.lines import Progress
from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.model import IngestReport
from accord.monitoring.store import EventStore

READERS = {"acled": read_acled, "gdelt": read_gdelt, "ucdp": read_ucdp}


def ingest_file(
    store: EventStore, file: Path, format: str, progress: Progress | None = None
) -> IngestReport:
    """Read a whole file, then add its events in one statement: a failure adds nothing."""
    report = IngestReport(file.name, format)
    tables = []
    for events, bad, read in READERS[format](file, progress):
        tables.append(events)
        report.bad_rows += bad
        report.rows_read += read
        report.rows_valid += events.num_rows
    report.rows_added = store.add(tables)
    return report


def ingest_record(
    report: IngestReport, name: str, sha256: str, note: str | None = None
) -> RecordEventFile:
    """The journal's command for an ingest: which file (by name and digest) and what it gave."""
    return RecordEventFile(
        name,
        report.source,
        sha256,
        report.rows_read,
        report.rows_added,
        len(report.bad_rows),
        note=note,
    )


def report_dict(report: IngestReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "format": report.source,
        "rows_read": report.rows_read,
        "rows_valid": report.rows_valid,
        "rows_added": report.rows_added,
        "duplicates": report.duplicates,
        "bad_rows": [{"line": b.line, "reason": b.reason} for b in report.bad_rows],
    }


def open_store(events_url: str | None) -> EventStore:
    """The configured store, or a DuckDB file in the user's data directory."""
    return EventStore(events_url or str(default_events_file()))


def default_events_file() -> Path:
    """The DuckDB file every command opens when no event store URL is configured."""
    return Path(user_data_dir("accord", appauthor=False)) / "events.duckdb"
