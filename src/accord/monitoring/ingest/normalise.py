"""Raw text batches to the normalised event table, vectorised in DuckDB; bad rows named."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from accord.monitoring.model import EVENT_COLUMNS, BadRow

#: Event dates Accord accepts: from the first GDELT records (1979) to the day after today.
OLDEST = "1979-01-01"


def normalise(
    raw: pa.Table, tables: dict[str, pa.Table], select_sql: str
) -> tuple[pa.Table, list[BadRow]]:
    """Run ``select_sql`` (which yields ``line``, the event columns and ``problem``) on ``raw``.

    Rows with a problem become bad rows with their line number; the rest are the events.
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
    return good.select(list(EVENT_COLUMNS)), bad
