"""The event store, the only module that talks to ibis: a DuckDB file, or PostgreSQL by URL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
from ibis import _

from accord.monitoring.model import EVENT_COLUMNS

SCHEMA = ibis.schema(EVENT_COLUMNS)
TABLE = "events"


def connect(url: str) -> Any:
    """``duckdb:///path.duckdb`` (or a bare path), ``postgresql://…``; Spark by its own URL."""
    if url.startswith(("postgresql://", "postgres://")):
        return ibis.connect(url.replace("postgresql://", "postgres://", 1))
    path = url.removeprefix("duckdb://").removeprefix("/") if url.startswith("duckdb://") else url
    if url.startswith("duckdb:///"):
        path = "/" + path
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return ibis.duckdb.connect(path)


class EventStore:
    def __init__(self, url: str) -> None:
        self.con = connect(url)
        if TABLE not in self.con.list_tables():
            self.con.create_table(TABLE, schema=SCHEMA)
        self.events = self.con.table(TABLE)

    def add(self, batches: Iterable[pa.Table]) -> int:
        """Add the events not stored yet, all in one statement: a failure writes nothing."""
        tables = [t for t in batches if t.num_rows]
        if not tables:
            return 0
        staged = self.con.create_table(
            "_staged_events", obj=pa.concat_tables(tables), temp=True, overwrite=True
        )
        new = staged.distinct(on="event_id", keep="first").anti_join(self.events, "event_id")
        before = self.count()
        self.con.insert(TABLE, new.select(*EVENT_COLUMNS))
        self.con.drop_table("_staged_events", force=True)
        return self.count() - before

    def count(self) -> int:
        return int(self.events.count().execute())

    def weekly(self, members: Sequence[str], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """Per member, category and ISO week: events, fatalities, Goldstein-weighted intensity."""
        rows: list[dict[str, Any]] = self.weekly_expr(members, start, end).to_pyarrow().to_pylist()
        return rows

    def weekly_expr(self, members: Sequence[str], start: dt.date, end: dt.date) -> Any:
        t = self.events.filter(_.country_iso3.isin(list(members)), _.date >= start, _.date <= end)
        return (
            t.group_by(country=_.country_iso3, category=_.category, week=_.date.truncate("W"))
            .aggregate(
                events=_.count(),
                fatalities=_.fatalities.sum().fill_null(0),
                # Conflict scores negative on Goldstein's scale: intensity sums them.
                intensity=(-_.goldstein).clip(lower=0).sum().fill_null(0),
            )
            .order_by(["country", "category", "week"])
        )
