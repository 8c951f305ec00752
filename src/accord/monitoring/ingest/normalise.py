"""Raw text batches to the normalised event table, vectorised in DuckDB; bad rows named."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import duckdb
import pyarrow as pa

from accord.monitoring.geography import nearest_border
from accord.monitoring.ingest.limits import MAX_BAD_ROWS, EventFileRefused, too_many_bad_rows
from accord.monitoring.ingest.lines import RawBatch
from accord.monitoring.model import EVENT_COLUMNS, BadRow
from accord.monitoring.reference import Mapping as Category

#: What each reader yields per batch: the events, every bad row (by line), the rows read.
Normalised = tuple[pa.Table, list[BadRow], int]

#: Event dates Accord accepts: from the first GDELT records (1979) to the day after today.
OLDEST = "1979-01-01"


def normalise(
    raw: pa.Table, tables: dict[str, pa.Table], select_sql: str
) -> tuple[pa.Table, list[BadRow]]:
    """Run ``select_sql`` (which yields ``line``, the event columns and ``problem``) on ``raw``.

    Rows with a problem become bad rows with their line number; the rest are the events,
    with ``near_iso3`` computed from their coordinates rather than by the SQL.
    """
    connection = duckdb.connect()
    try:
        connection.register("raw", raw)
        for name, table in tables.items():
            connection.register(name, table)
        result = connection.execute(select_sql).to_arrow_table()
    finally:
        connection.close()
    problems = result.column("problem").to_pylist()
    lines = result.column("line").to_pylist()
    bad = [BadRow(line, problem) for line, problem in zip(lines, problems, strict=True) if problem]
    good = result.filter(pa.compute.is_null(result.column("problem")))
    near, _ = nearest_border(
        good.column("lat").to_numpy(),
        good.column("lon").to_numpy(),
        good.column("country_iso3").to_pylist(),
    )
    events = good.select([name for name in EVENT_COLUMNS if name != "near_iso3"])
    return events.append_column("near_iso3", pa.array(near, pa.string())), bad


def normalise_batch(batch: RawBatch, tables: dict[str, pa.Table], select_sql: str) -> Normalised:
    """``normalise`` one raw batch, its shape errors and its value errors merged by line."""
    events, bad = normalise(batch.table, tables, select_sql)
    return events, sorted(batch.bad_rows + bad, key=lambda row: row.line), batch.rows_read


def whole_file_rules(batches: Iterable[Normalised]) -> Iterator[Normalised]:
    """The batches of one file, stopped past ``MAX_BAD_ROWS`` bad rows; a file that gave no
    valid row is refused at its end, since a file of no event is no success either."""
    bad, valid, read, first_bad = 0, 0, 0, None
    for events, rows, count in batches:
        bad, valid, read = bad + len(rows), valid + events.num_rows, read + count
        first_bad = first_bad or (rows[0] if rows else None)
        if bad > MAX_BAD_ROWS:
            raise too_many_bad_rows(rows[-1].line)
        yield events, rows, count
    if first_bad is None and not valid:
        raise EventFileRefused("no row: the file holds no event")
    if not valid:
        more = f", and {bad - 1:,} more bad rows" if bad > 1 else ""
        raise EventFileRefused(f"no valid row in the file ({first_bad}{more})")


def lookup(pairs: Mapping[Any, Any], key: tuple[str, pa.DataType], value: str) -> pa.Table:
    """A two-column table for a join: the mapping's keys and its (text) values."""
    return pa.table(
        {key[0]: pa.array(list(pairs), key[1]), value: pa.array(list(pairs.values()), pa.string())}
    )


def categories(rows: Mapping[str, Category]) -> pa.Table:
    """Codes and the category and subcategory the taxonomy gives them, for a join."""
    return pa.table(
        {
            "code": list(rows),
            "category": [m.category for m in rows.values()],
            "subcategory": [m.subcategory for m in rows.values()],
        },
        schema=pa.schema(
            [("code", pa.string()), ("category", pa.string()), ("subcategory", pa.string())]
        ),
    )
