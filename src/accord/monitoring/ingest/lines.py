"""Reading a delimited file in batches of raw text columns, with the line number of each row."""

from __future__ import annotations

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


def tab_batches(
    path: Path,
    width: int,
    keep: dict[str, int],
    progress: Progress | None = None,
    skip_header: bool = False,
) -> Iterator[RawBatch]:
    """Tab-separated rows of exactly ``width`` fields; ``keep`` names the 0-based columns kept."""
    names, indexes = list(keep), list(keep.values())
    with path.open("rb") as stream:
        if skip_header:
            stream.readline()
        columns: list[list[str]] = [[] for _ in names]
        lines: list[int] = []
        batch = RawBatch(pa.table({}))
        number = 1 if skip_header else 0
        for raw in stream:
            number += 1
            batch.rows_read += 1
            if progress is not None:
                progress(len(raw))
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                batch.bad_rows.append(BadRow(number, f"not UTF-8 text (byte {error.start})"))
                continue
            fields = text.rstrip("\r\n").split("\t")
            if len(fields) != width:
                batch.bad_rows.append(BadRow(number, f"{len(fields)} columns, expected {width}"))
                continue
            lines.append(number)
            for column, index in zip(columns, indexes, strict=True):
                column.append(fields[index])
            if len(lines) >= BATCH_ROWS:
                yield _finish(batch, names, columns, lines)
                columns, lines, batch = [[] for _ in names], [], RawBatch(pa.table({}))
        if batch.rows_read:
            yield _finish(batch, names, columns, lines)


def _finish(
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
    """Comma-separated rows with a header; ``keep`` names the columns kept (all must exist)."""
    import csv

    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            return
        missing = [name for name in keep if name not in header]
        if missing:
            batch = RawBatch(pa.table({}), [BadRow(1, f"header lacks {', '.join(missing)}")], 1)
            yield _finish(batch, keep, [[] for _ in keep], [])
            return
        indexes = [header.index(name) for name in keep]
        columns: list[list[str]] = [[] for _ in keep]
        lines: list[int] = []
        batch = RawBatch(pa.table({}))
        start = reader.line_num + 1
        for fields in reader:
            batch.rows_read += 1
            if progress is not None:
                progress(sum(len(f) + 1 for f in fields))
            if len(fields) != len(header):
                batch.bad_rows.append(
                    BadRow(start, f"{len(fields)} columns, expected {len(header)}")
                )
            elif any(_not_utf8(field) for field in fields):
                batch.bad_rows.append(BadRow(start, "not UTF-8 text"))
            else:
                lines.append(start)
                for column, index in zip(columns, indexes, strict=True):
                    column.append(fields[index])
            start = reader.line_num + 1
        yield _finish(batch, keep, columns, lines)


def _not_utf8(text: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in text)
