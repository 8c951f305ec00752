"""Benchmark: GDELT ingest, and the weekly indicator query on millions of events.

Run with ``make bench-monitor`` (or ``python benchmarks/bench_monitoring.py [--quick] [--only
ingest|weekly]``). Every figure is the best of ``--runs`` (5) timed runs after one warm-up,
beside a baseline measured in the same run:

* ingest: ``read_gdelt`` over the whole file (read, normalise), then ``EventStore.add`` into a
  fresh DuckDB file, timed apart and together, on the real files in ``../shared/data/gdelt``
  and on a synthetic 200,000-row GDELT day file (``synthetic_events.write_gdelt_day``). The
  baselines: Arrow's CSV reader alone on the file (the kept columns, as text), and one bare
  DuckDB ``INSERT`` of the same events from Arrow into a fresh file. Aim: >= 200,000 rows/s
  end to end on the day file.
* weekly query: ``--events`` synthetic events (``synthetic_events.write_events``; 10,000,000,
  or 1,000,000 with ``--quick``) loaded into a DuckDB ``EventStore``, then the indicator rows
  for the six members over four years three ways: ``EventStore.weekly_expr(...).to_pyarrow()``,
  hand-written DuckDB SQL for the same rows on the same connection (the floor), and plain
  pandas (read the Parquet file, filter, group). The three results are checked equal before
  any time is shown. Aims: ibis / SQL <= 1.3; pandas / ibis >= 4.

The SQL and pandas mirror ``weekly_expr`` with ``near_iso3`` and ``across_border``; should it
compute something else, the check of equality stops the benchmark rather than time a mismatch.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as arrow_csv
from report import table
from synthetic_events import SHARED_GDELT, write_events, write_gdelt_day

from accord.monitoring.ingest.gdelt import KEEP, WIDTH, read_gdelt
from accord.monitoring.store import EventStore

RUNS = 5
EVENTS, QUICK_EVENTS = 10_000_000, 1_000_000
DAY_ROWS = 200_000
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
START, END = dt.date(2021, 1, 4), dt.date(2024, 12, 29)
INGEST_AIM = 200_000
IBIS_OVER_SQL_AIM, PANDAS_OVER_IBIS_AIM = 1.3, 4.0
T = TypeVar("T")


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``runs`` timed calls after one warm-up, and the warm-up's result."""
    result = work()
    fastest = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, result


def verdict(held: bool) -> str:
    return "MET" if held else "NOT MET"


# -- ingest ---------------------------------------------------------------------------------------


def read_all(path: Path) -> tuple[list[pa.Table], int]:
    """Every batch of events ``read_gdelt`` yields, and the rows read (no bad row allowed)."""
    tables, rows, read_bytes = [], 0, [0]

    def progress(n: int) -> None:
        read_bytes[0] += n

    for events, bad, read in read_gdelt(path, progress):
        if bad:
            raise SystemExit(f"{path.name}: unexpected bad rows, e.g. {bad[0]}")
        tables.append(events)
        rows += read
    assert read_bytes[0] == path.stat().st_size, "progress must count every byte"
    return tables, rows


@contextmanager
def fresh_store(folder: Path) -> Iterator[EventStore]:
    """An empty DuckDB store in its own file, removed afterwards."""
    place = Path(tempfile.mkdtemp(dir=folder))
    store = EventStore(str(place / "events.duckdb"))
    try:
        yield store
    finally:
        store.con.disconnect()
        shutil.rmtree(place)


def best_into_store(
    folder: Path, runs: int, expect: int, work: Callable[[EventStore], int]
) -> float:
    """The fastest ``work`` on a fresh store (opened untimed) after one warm-up; ``work``
    returns how many events it stored, which must be ``expect`` every time."""
    fastest = float("inf")
    for run in range(runs + 1):
        with fresh_store(folder) as store:
            started = time.perf_counter()
            stored = work(store)
            if run:
                fastest = min(fastest, time.perf_counter() - started)
        assert stored == expect, f"stored {stored} events, expected {expect}"
    return fastest


def read_and_add(path: Path, store: EventStore) -> int:
    return store.add(read_all(path)[0])


def bare_parse(path: Path) -> pa.Table:
    """Arrow's CSV reader alone on the file: the columns ``read_gdelt`` keeps, as text."""
    names = [f"f{index}" for index in range(WIDTH)]
    kept = [names[index] for index in KEEP.values()]
    return arrow_csv.read_csv(
        path,
        read_options=arrow_csv.ReadOptions(column_names=names),
        parse_options=arrow_csv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=arrow_csv.ConvertOptions(
            include_columns=kept, column_types=dict.fromkeys(kept, pa.string())
        ),
    )


def bare_insert(events: pa.Table, store: EventStore) -> int:
    """One DuckDB INSERT of ``events`` from Arrow: the floor under ``EventStore.add``."""
    connection = store.con.con
    connection.register("arrived", events)
    connection.execute("INSERT INTO events BY NAME SELECT * FROM arrived")
    connection.unregister("arrived")
    return store.count()


@dataclass(frozen=True)
class Ingest:
    file: str
    rows: int
    read_s: float
    add_s: float
    together_s: float
    parse_s: float  # Arrow's CSV reader alone
    insert_s: float  # a bare DuckDB INSERT

    def row(self) -> tuple[str, ...]:
        both = self.together_s
        return (
            self.file,
            f"{self.rows:,}",
            f"{self.read_s:.3f}",
            f"{self.rows / self.read_s:,.0f}",
            f"{self.add_s:.3f}",
            f"{self.rows / self.add_s:,.0f}",
            f"{both:.3f}",
            f"{self.rows / both:,.0f}",
            f"{self.parse_s:.3f}",
            f"{self.read_s / self.parse_s:.1f}x",
            f"{self.insert_s:.3f}",
            f"{self.add_s / self.insert_s:.1f}x",
        )


INGEST_HEADER = (
    "file",
    "rows",
    "read s",
    "rows/s",
    "add s",
    "rows/s",
    "together s",
    "rows/s",
    "Arrow parse s",
    "read/parse",
    "bare INSERT s",
    "add/INSERT",
)


def bench_ingest(folder: Path, path: Path, runs: int) -> Ingest:
    read_s, (tables, count) = best_of(runs, partial(read_all, path))
    add_s = best_into_store(folder, runs, count, lambda store: store.add(tables))
    together_s = best_into_store(folder, runs, count, partial(read_and_add, path))
    parse_s, _ = best_of(runs, partial(bare_parse, path))
    everything = pa.concat_tables(tables)
    insert_s = best_into_store(folder, runs, count, partial(bare_insert, everything))
    print(f"  {path.name}: done", flush=True)
    return Ingest(path.name, count, read_s, add_s, together_s, parse_s, insert_s)


# -- the weekly indicator query -------------------------------------------------------------------
# All three mirror EventStore.weekly_expr as it stands with near_iso3 and across_border: an
# event counts for the member it lies in or, outside every member asked about, for the member
# whose border it lies near (near_iso3); across_border counts the latter.

WEEKLY_SQL = """
SELECT member AS country, category, CAST(date_trunc('week', date) AS DATE) AS week,
       count(*) AS events, CAST(coalesce(sum(fatalities), 0) AS BIGINT) AS fatalities,
       coalesce(sum(greatest(-goldstein, 0)), 0) AS intensity,
       count(*) FILTER (WHERE NOT inside) AS across_border
FROM (
  SELECT date, category, fatalities, goldstein, inside,
         CASE WHEN inside THEN country_iso3 WHEN near_iso3 IN {members} THEN near_iso3 END
           AS member
  FROM (SELECT *, coalesce(country_iso3 IN {members}, false) AS inside FROM events)
  WHERE date BETWEEN DATE '{start}' AND DATE '{end}'
)
WHERE member IS NOT NULL
GROUP BY ALL
ORDER BY country, category, week
"""


def weekly_sql(connection: duckdb.DuckDBPyConnection) -> pa.Table:
    members = "(" + ", ".join(f"'{code}'" for code in MEMBERS) + ")"
    query = WEEKLY_SQL.format(members=members, start=START, end=END)
    return connection.execute(query).to_arrow_table()


def weekly_pandas(parquet: Path) -> pd.DataFrame:
    """The weekly rows in plain pandas: read the columns needed, then ``weekly_frame``."""
    return weekly_frame(read_events(parquet))


def read_events(parquet: Path) -> pd.DataFrame:
    columns = ["date", "country_iso3", "near_iso3", "category", "fatalities", "goldstein"]
    # Dates as datetime64 rather than Python objects, as anyone using pandas for this would.
    return pd.read_parquet(parquet, columns=columns, to_pandas_kwargs={"date_as_object": False})


def weekly_frame(frame: pd.DataFrame) -> pd.DataFrame:
    inside = frame["country_iso3"].isin(MEMBERS)
    near = frame["near_iso3"].isin(MEMBERS)
    dates = frame["date"]
    keep = (dates >= pd.Timestamp(START)) & (dates <= pd.Timestamp(END)) & (inside | near)
    frame, inside = frame[keep], inside[keep]
    frame = frame.assign(
        country=frame["country_iso3"].where(inside, frame["near_iso3"]),
        week=frame["date"] - pd.to_timedelta(frame["date"].dt.day_of_week, unit="D"),
        intensity=(-frame["goldstein"]).clip(lower=0),
        across_border=(~inside).astype("int64"),
    )
    weekly = frame.groupby(["country", "category", "week"], sort=True).agg(
        events=("date", "size"),
        fatalities=("fatalities", "sum"),
        intensity=("intensity", "sum"),
        across_border=("across_border", "sum"),
    )
    return weekly.reset_index()


def canonical(result: pa.Table | pd.DataFrame) -> pd.DataFrame:
    """One shape for comparing: plain columns, weeks as dates, counts as int64, in key order."""
    frame = result.to_pandas() if isinstance(result, pa.Table) else result.copy()
    frame["country"] = frame["country"].astype(str)
    frame["category"] = frame["category"].astype(str)
    frame["week"] = pd.to_datetime(frame["week"]).dt.date
    for column in ("events", "fatalities", "across_border"):
        frame[column] = frame[column].astype("int64")
    frame["intensity"] = frame["intensity"].astype("float64")
    return frame.sort_values(["country", "category", "week"], ignore_index=True)


def assert_same(name: str, got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Keys and counts exactly; intensity up to the order in which floats were summed."""
    if list(got.columns) != list(expected.columns) or len(got) != len(expected):
        raise SystemExit(
            f"{name}: {list(got.columns)} x {len(got)} rows, expected "
            f"{list(expected.columns)} x {len(expected)}"
        )
    for column in ("country", "category", "week", "events", "fatalities", "across_border"):
        if not got[column].equals(expected[column]):
            differs = int((got[column] != expected[column]).sum())
            raise SystemExit(f"{name}: {differs} rows differ from ibis in {column}")
    if not np.allclose(got["intensity"], expected["intensity"], rtol=1e-9, atol=1e-6):
        raise SystemExit(f"{name}: intensity differs from ibis")


@dataclass(frozen=True)
class Weekly:
    rows: int
    events: int
    in_range: int
    ibis_s: float
    sql_s: float
    pandas_s: float
    pandas_in_memory_s: float


def bench_weekly(folder: Path, count: int, runs: int) -> Weekly:
    parquet = folder / "events.parquet"
    started = time.perf_counter()
    write_events(parquet, count)
    generated = time.perf_counter() - started
    with fresh_store(folder) as store:
        started = time.perf_counter()
        store.con.con.execute(f"INSERT INTO events BY NAME SELECT * FROM '{parquet}'")
        loaded = time.perf_counter() - started
        print(
            f"  {count:,} synthetic events: written to Parquet in {generated:.1f} s "
            f"({parquet.stat().st_size / 1e6:,.0f} MB), loaded into DuckDB in {loaded:.1f} s",
            flush=True,
        )
        expr = store.weekly_expr(MEMBERS, START, END)
        ibis_s, by_ibis = best_of(runs, expr.to_pyarrow)
        sql_s, by_sql = best_of(runs, partial(weekly_sql, store.con.con))
        in_range = store.events.filter(store.events.date.between(START, END)).count().execute()
    pandas_s, by_pandas = best_of(runs, partial(weekly_pandas, parquet))
    expected = canonical(by_ibis)
    assert_same("hand-written SQL", canonical(by_sql), expected)
    assert_same("pandas", canonical(by_pandas), expected)
    frame = read_events(parquet)
    in_memory_s, _ = best_of(runs, partial(weekly_frame, frame))
    return Weekly(len(expected), count, int(in_range), ibis_s, sql_s, pandas_s, in_memory_s)


# -- the report -----------------------------------------------------------------------------------


def report_ingest(ingest: list[Ingest]) -> None:
    print("\nGDELT ingest (read: read_gdelt, reading and normalising; add: EventStore.add):")
    for line in table([INGEST_HEADER, *(figure.row() for figure in ingest)]):
        print(f"  {line}")
    day = ingest[-1]
    rate = day.rows / day.together_s
    print(
        f"aim: the GDELT day file ({day.rows:,} rows) read and stored at >= {INGEST_AIM:,} "
        f"rows/s: {rate:,.0f} rows/s: {verdict(rate >= INGEST_AIM)}"
    )


def report_weekly(weekly: Weekly) -> None:
    ibis_s, sql_s, pandas_s = weekly.ibis_s, weekly.sql_s, weekly.pandas_s
    print(
        f"\nweekly indicator query: {weekly.rows:,} rows (members x categories x weeks, "
        f"{START} to {END}) from {weekly.events:,} events, {weekly.in_range:,} in those "
        "dates; the three results are equal"
    )
    in_memory_s = weekly.pandas_in_memory_s
    rows: list[tuple[str, ...]] = [
        ("implementation", "seconds", "vs ibis"),
        ("EventStore.weekly_expr(...).to_pyarrow()", f"{ibis_s:.3f}", "1.00"),
        ("hand-written DuckDB SQL (the floor)", f"{sql_s:.3f}", f"{sql_s / ibis_s:.2f}"),
        ("pandas: read Parquet, filter, group", f"{pandas_s:.3f}", f"{pandas_s / ibis_s:.2f}"),
        ("  pandas: filter, group alone", f"{in_memory_s:.3f}", f"{in_memory_s / ibis_s:.2f}"),
    ]
    for line in table(rows):
        print(f"  {line}")
    print(
        f"aim: ibis / SQL <= {IBIS_OVER_SQL_AIM}: {ibis_s / sql_s:.2f}: "
        f"{verdict(ibis_s / sql_s <= IBIS_OVER_SQL_AIM)}"
    )
    for label, seconds in (("", pandas_s), (" with the data already in pandas", in_memory_s)):
        print(
            f"aim: pandas / ibis >= {PANDAS_OVER_IBIS_AIM:.0f}{label}: {seconds / ibis_s:.2f}: "
            f"{verdict(seconds / ibis_s >= PANDAS_OVER_IBIS_AIM)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=None, help=f"default {EVENTS:,}")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_EVENTS:,} events")
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs per figure")
    parser.add_argument("--only", choices=["ingest", "weekly"], help="one half of the benchmark")
    options = parser.parse_args(argv)
    count = options.events or (QUICK_EVENTS if options.quick else EVENTS)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, DuckDB {duckdb.__version__}, "
        f"pandas {pd.__version__}, pyarrow {pa.__version__}; best of {options.runs} runs "
        "after one warm-up",
        flush=True,
    )
    ingest: list[Ingest] = []
    weekly: Weekly | None = None
    with tempfile.TemporaryDirectory(prefix="accord-bench-monitoring-") as tmp:
        folder = Path(tmp)
        if options.only != "weekly":
            day = write_gdelt_day(folder / "synthetic.export.CSV", DAY_ROWS)
            print("GDELT ingest:", flush=True)
            files = [*sorted(SHARED_GDELT.glob("*.export.CSV")), day]
            ingest = [bench_ingest(folder, path, options.runs) for path in files]
        if options.only != "ingest":
            print("weekly indicator query:", flush=True)
            weekly = bench_weekly(folder, count, options.runs)
    if ingest:
        report_ingest(ingest)
    if weekly is not None:
        report_weekly(weekly)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
