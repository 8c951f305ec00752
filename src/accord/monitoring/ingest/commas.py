"""Comma-separated files with a header (UCDP, ACLED), read in batches of raw text columns.

The header decides: a first line that is not a header naming the columns kept stops the file
there. Lines are read at most ``MAX_LINE`` characters at a time, so a file of one 50 MB line
is refused after its first MiB, never read whole into memory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import pyarrow as pa

from accord.monitoring.ingest.limits import (
    MAX_FIELD_CHARS,
    MAX_FILE_BYTES,
    MAX_LINE,
    EventFileRefused,
    long_field,
    long_line,
    regular_file_size,
    too_large,
)
from accord.monitoring.ingest.lines import Progress, RawBatch, finish_batch
from accord.monitoring.model import BadRow

#: Rows read (good or bad) per batch.
BATCH_ROWS = 100_000
#: What surrogateescape makes of a byte that is not UTF-8.
_FOREIGN_BYTE = re.compile("[\udc80-\udcff]")


class _Lines:
    """The physical lines of a text stream, each at most ``MAX_LINE`` characters, counted."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.number = 0
        self.chars = 0

    def __iter__(self) -> Iterator[str]:
        while line := self.stream.readline(MAX_LINE + 1):
            self.number += 1
            if len(line) > MAX_LINE and line[-1] not in "\r\n":
                raise long_line(self.number, "characters")
            self.chars += len(line)
            if self.chars > MAX_FILE_BYTES:  # a file that grows while it is read
                raise EventFileRefused(too_large())
            yield line


def csv_batches(
    path: Path, keep: Sequence[str], kind: str, progress: Progress | None = None
) -> Iterator[RawBatch]:
    """Comma-separated rows under a header that names every column of ``keep``; ``kind``
    names the format in errors. A batch is yielded every ``BATCH_ROWS`` rows read; a row's
    line is the physical line it starts on, so a quoted field that spans lines does not shift
    the rows after it."""
    regular_file_size(path)
    # utf-8-sig: spreadsheet exports often begin with a byte-order mark that would hide the
    # first column's name.
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
        lines = _Lines(stream)
        reader = csv.reader(lines)
        indexes, width = _header(reader, keep, kind)
        columns: list[list[str]] = [[] for _ in keep]
        good: list[int] = []
        batch, start, counted = RawBatch(pa.table({})), lines.number + 1, 0
        for record in _records(reader):
            batch.rows_read += 1
            if progress is not None:
                progress(lines.chars - counted)
                counted = lines.chars
            problem = record if isinstance(record, str) else _problem(record, width, indexes)
            if problem is not None:
                batch.bad_rows.append(BadRow(start, problem))
            else:
                good.append(start)
                for column, index in zip(columns, indexes, strict=True):
                    column.append(record[index])
            start = lines.number + 1
            if batch.rows_read >= BATCH_ROWS:
                yield finish_batch(batch, keep, columns, good)
                columns, good, batch = [[] for _ in keep], [], RawBatch(pa.table({}))
        if batch.rows_read:
            yield finish_batch(batch, keep, columns, good)


def _header(reader: Iterator[list[str]], keep: Sequence[str], kind: str) -> tuple[list[int], int]:
    """Where each kept column is, and how many the header names; or why it is no header."""
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise EventFileRefused(f"not {kind}: line 1 is no CSV header ({error})") from None
    if header is None:
        raise EventFileRefused(f"empty: {kind} starts with its header line")
    missing = [name for name in keep if name not in header]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if missing[5:] else "")
        raise EventFileRefused(f"not {kind}: its header (line 1) lacks {shown}")
    return [header.index(name) for name in keep], len(header)


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
            # csv's own limit (131,072 by default) is above MAX_FIELD_CHARS: one rule to tell.
            limit = "field larger than field limit" in str(error)
            yield long_field() if limit else f"not CSV: {error}"
            continue
        yield fields


def _problem(record: list[str], width: int, kept: list[int]) -> str | None:
    """Why a record cannot be a row: its width, a kept field's length or its encoding."""
    if len(record) != width:
        return f"{len(record)} columns, expected {width}"
    if any(len(record[index]) > MAX_FIELD_CHARS for index in kept):
        return long_field()
    if any(_FOREIGN_BYTE.search(field) for field in record):
        return "not UTF-8 text"
    return None
