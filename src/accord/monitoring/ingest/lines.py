"""Reading a delimited file in batches of raw text columns, with the line number of each row.

The batch shape and comma-separated files with a header (UCDP, ACLED) are here; tab-separated
files without one (GDELT) are read by :mod:`accord.monitoring.ingest.tabs`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from accord.monitoring.model import BadRow

BATCH_ROWS = 100_000
Progress = Callable[[int], None]


@dataclass
class RawBatch:
    """Raw text fields of the rows that had the right shape, by column, plus their lines."""

    table: pa.Table
    bad_rows: list[BadRow] = field(default_factory=list)
    rows_read: int = 0


def finish_batch(
    batch: RawBatch, names: Sequence[str], columns: list[list[str]], lines: list[int]
) -> RawBatch:
    arrays = {"line": pa.array(lines, pa.int64())}
    arrays.update(
        {name: pa.array(values, pa.string()) for name, values in zip(names, columns, strict=True)}
    )
    batch.table = pa.table(arrays)
    return batch


def csv_batches(
    path: Path, keep: Sequence[str], progress: Progress | None = None
) -> Iterator[RawBatch]:
    """Comma-separated rows with a header; ``keep`` names the columns kept (all must exist).

    A batch is yielded every ``BATCH_ROWS`` valid rows. A row's line is the physical line it
    starts on, so a quoted field that spans lines does not shift the rows after it.
    """
    # utf-8-sig: spreadsheet exports often begin with a byte-order mark that would hide the
    # first column's name.
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            return
        missing = [name for name in keep if name not in header]
        if missing:
            batch = RawBatch(pa.table({}), [BadRow(1, f"header lacks {', '.join(missing)}")], 1)
            yield finish_batch(batch, keep, [[] for _ in keep], [])
            return
        indexes = [header.index(name) for name in keep]
        columns: list[list[str]] = [[] for _ in keep]
        lines: list[int] = []
        batch = RawBatch(pa.table({}))
        start = reader.line_num + 1
        for record in _records(reader):
            batch.rows_read += 1
            if progress is not None and not isinstance(record, str):
                progress(sum(len(f) + 1 for f in record))
            problem = _problem(record, len(header))
            if problem is not None:
                batch.bad_rows.append(BadRow(start, problem))
            else:
                lines.append(start)
                for column, index in zip(columns, indexes, strict=True):
                    column.append(record[index])
            start = reader.line_num + 1
            if len(lines) >= BATCH_ROWS:
                yield finish_batch(batch, keep, columns, lines)
                columns, lines, batch = [[] for _ in keep], [], RawBatch(pa.table({}))
        if batch.rows_read:
            yield finish_batch(batch, keep, columns, lines)


def _records(reader: Iterator[list[str]]) -> Iterator[list[str] | str]:
    """Each record's fields, or the csv module's complaint about a record it cannot parse.

    The reader can go on after such an error, so one bad record must not end the file.
    """
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield f"not CSV: {error}"
            continue
        yield fields


def _problem(record: list[str] | str, width: int) -> str | None:
    """Why a record cannot be a row: the csv module's complaint, its width or its encoding."""
    if isinstance(record, str):
        return record
    if len(record) != width:
        return f"{len(record)} columns, expected {width}"
    if any(_not_utf8(field) for field in record):
        return "not UTF-8 text"
    return None


def _not_utf8(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)
