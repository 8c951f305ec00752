"""The event store, the only module that talks to ibis: a DuckDB file by default, PostgreSQL
by URL, or local Spark with the ``accord[spark]`` extra; the same expressions on each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
from ibis import _

from accord.kernel.errors import InvalidInput
from accord.monitoring.geography import nearest_border
from accord.monitoring.model import EVENT_COLUMNS

SCHEMA = ibis.schema(EVENT_COLUMNS)
TABLE = "events"


def connect(url: str) -> Any:
    """``duckdb:///path.duckdb`` (or a bare path), ``postgresql://…``, or ``spark://local[N]``.

    ``spark://local`` runs Spark in this process on two cores, ``spark://local[N]`` on N; it needs
    the ``accord[spark]`` extra and Java. A SparkSession already running is reused, so its static
    settings (the warehouse directory, say) are the caller's. Its catalog lives in memory: the
    store lasts as long as the process, and a later one cannot reopen the warehouse's events.
    """
    if url.startswith("spark://"):
        master = url.removeprefix("spark://")
        if master == "local":
            master = "local[2]"
        cores = master.removeprefix("local[").removesuffix("]")
        if master != f"local[{cores}]" or not (cores.isdigit() or cores == "*"):
            raise InvalidInput("events_url", "a Spark store is spark://local or spark://local[N]")
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise InvalidInput(
                "events_url",
                "the spark:// store needs the optional extra: pip install 'accord[spark]'",
            ) from None
        session = (
            SparkSession.builder.master(master)
            .appName("accord")
            # Spark's default 200 shuffle partitions are for clusters; here they only add tasks.
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.ui.enabled", "false")
            # Without Arrow, ibis hands new events to Spark through pandas, which stores every
            # missing text as the string 'NaN' and every missing number as NaN, not as null;
            # so a batch Arrow cannot take fails rather than quietly falling back.
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.execution.arrow.pyspark.fallback.enabled", "false")
            .getOrCreate()
        )
        return ibis.pyspark.connect(session)
    if url.startswith(("postgresql://", "postgres://")):
        return ibis.connect(url.replace("postgresql://", "postgres://", 1))
    path = url.removeprefix("duckdb://").removeprefix("/") if url.startswith("duckdb://") else url
    if url.startswith("duckdb:///"):
        path = "/" + path
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return ibis.duckdb.connect(path)


def first_of_each_event(table: pa.Table) -> pa.Table:
    """The first row of each event_id, in Arrow: ``distinct(on=..., keep="first")`` compiles to
    a FIRST() aggregate PostgreSQL does not have."""
    if pa.compute.count_distinct(table.column("event_id")).as_py() == table.num_rows:
        return table
    numbered = table.append_column("_row", pa.array(range(table.num_rows), pa.int64()))
    first = numbered.group_by("event_id").aggregate([("_row", "min")]).column("_row_min")
    return table.take(pa.compute.take(first, pa.compute.sort_indices(first)))


class EventStore:
    def __init__(self, url: str) -> None:
        self.con = connect(url)
        if TABLE not in self.con.list_tables():
            self.con.create_table(TABLE, schema=SCHEMA)
        elif "near_iso3" not in self.con.table(TABLE).columns:
            self._add_near_iso3()
        self.events = self.con.table(TABLE)

    def _add_near_iso3(self) -> None:
        """Upgrade a store written before near_iso3 existed: add it, fill it for stored events."""
        self.con.raw_sql(f"ALTER TABLE {TABLE} ADD COLUMN near_iso3 VARCHAR")
        stored = self.con.table(TABLE).select("event_id", "lat", "lon", "country_iso3")
        rows = stored.to_pyarrow()
        near, _ = nearest_border(
            rows.column("lat").to_numpy(),
            rows.column("lon").to_numpy(),
            rows.column("country_iso3").to_pylist(),
        )
        found = pa.table({"event_id": rows.column("event_id"), "near_iso3": pa.array(near)})
        found = found.filter(pa.compute.is_valid(found.column("near_iso3")))
        if found.num_rows:
            self.con.create_table("_near_events", obj=found, temp=True, overwrite=True)
            self.con.raw_sql(
                f"UPDATE {TABLE} SET near_iso3 = n.near_iso3 FROM _near_events AS n "
                f"WHERE {TABLE}.event_id = n.event_id"
            )
            self.con.drop_table("_near_events", force=True)

    def add(self, batches: Iterable[pa.Table]) -> int:
        """Add the events not stored yet, all in one statement: a failure writes nothing."""
        tables = [t for t in batches if t.num_rows]
        if not tables:
            return 0
        arrived = first_of_each_event(pa.concat_tables(tables))
        if self.con.name == "pyspark":
            # One chunk per column: pyspark takes no chunked Arrow columns. DuckDB and
            # PostgreSQL do not mind, and the copy costs a tenth of a GDELT day file's ingest.
            arrived = arrived.combine_chunks()
        # Read straight from the Arrow data: a staging table would copy every event once more.
        staged = ibis.memtable(arrived)
        new = staged.anti_join(self.events, "event_id")
        before = self.count()
        try:
            self.con.insert(TABLE, new.select(*EVENT_COLUMNS))
        finally:
            # ibis keeps an in-memory table registered, and its events in memory, until exit.
            # PostgreSQL copies it into a temporary table; DuckDB and Spark see it as a view.
            if self.con.name == "postgres":
                self.con.drop_table(staged.get_name(), force=True)
            else:
                self.con.drop_view(staged.get_name(), force=True)
        return self.count() - before

    def count(self) -> int:
        return int(self.events.count().execute())

    def weekly(self, members: Sequence[str], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """Per member, category and ISO week: events, fatalities, Goldstein-weighted intensity."""
        rows: list[dict[str, Any]] = self.weekly_expr(members, start, end).to_pyarrow().to_pylist()
        return rows

    def weekly_expr(self, members: Sequence[str], start: dt.date, end: dt.date) -> Any:
        """Events in a member, and events near its border in a country not asked about."""
        asked = list(members)
        inside = _.country_iso3.isin(asked).fill_null(False)
        t = (
            self.events.filter(_.date >= start, _.date <= end)
            .mutate(
                member=ibis.cases((inside, _.country_iso3), (_.near_iso3.isin(asked), _.near_iso3)),
                across=inside.ifelse(0, 1),
            )
            .filter(_.member.notnull())
        )
        return (
            t.group_by(country=_.member, category=_.category, week=_.date.truncate("W"))
            .aggregate(
                events=_.count(),
                fatalities=_.fatalities.sum().fill_null(0),
                # Conflict scores negative on Goldstein's scale: intensity sums them.
                intensity=(-_.goldstein).clip(lower=0).sum().fill_null(0),
                across_border=_.across.sum(),
            )
            .order_by(["country", "category", "week"])
        )

    def monthly(self, members: Sequence[str], start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """Per member and calendar month (its first day): fatalities and events."""
        t = self.events.filter(_.country_iso3.isin(list(members)), _.date >= start, _.date <= end)
        expr = (
            t.group_by(country=_.country_iso3, month=_.date.truncate("M"))
            .aggregate(fatalities=_.fatalities.sum().fill_null(0), events=_.count())
            .order_by(["country", "month"])
        )
        rows: list[dict[str, Any]] = expr.to_pyarrow().to_pylist()
        return rows
