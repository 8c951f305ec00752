"""Reading a delimited file in batches of raw text columns, with the line number of each row."""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as arrow_csv

from accord.monitoring.model import BadRow

BATCH_ROWS = 100_000
#: Bytes ``tab_batches`` reads for one batch: about 40,000 rows of a GDELT export.
BLOCK_BYTES = 16 * 1024 * 1024
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
    """Tab-separated rows of exactly ``width`` fields; ``keep`` names the 0-based columns kept.

    A batch is yielded per block of about ``BLOCK_BYTES`` whole lines. Arrow's CSV parser
    reads a block unless the block holds a line it would see otherwise than Python does; that
    block is read line by line, so every bad line gets its number and reason either way.
    """
    # The next block is parsed in a thread while the caller works on this one's batch: Arrow
    # lets go of the interpreter while it parses, and so does DuckDB while it normalises.
    with path.open("rb") as stream, ThreadPoolExecutor(max_workers=1) as parser:
        before = 1 if skip_header and stream.readline() else 0
        ahead: deque[tuple[int, Future[RawBatch]]] = deque()
        for block in _blocks(stream):
            lines = block.count(b"\n") + (not block.endswith(b"\n"))
            ahead.append((len(block), parser.submit(_batch, block, lines, width, keep, before)))
            before += lines
            if len(ahead) > 1:
                yield _done(*ahead.popleft(), progress)
        while ahead:
            yield _done(*ahead.popleft(), progress)


def _done(size: int, batch: Future[RawBatch], progress: Progress | None) -> RawBatch:
    if progress is not None:
        progress(size)
    return batch.result()


def _batch(block: bytearray, lines: int, width: int, keep: dict[str, int], before: int) -> RawBatch:
    return _parsed(block, lines, width, keep, before) or _split(block, width, keep, before)


def _blocks(stream: BufferedReader) -> Iterator[bytearray]:
    while True:
        block = bytearray(BLOCK_BYTES)
        size = stream.readinto(block)
        if not size:
            return
        del block[size:]
        if not block.endswith(b"\n"):
            block += stream.readline()  # a bytearray can grow without a copy; bytes cannot
        yield block


def _parsed(
    block: bytearray, lines: int, width: int, keep: dict[str, int], before: int
) -> RawBatch | None:
    """The block as Arrow parses it, or None if Arrow and Python would disagree on a line.

    Arrow takes a bare carriage return for a line end, skips empty lines, refuses lines over
    1 MiB and cannot say which line is not UTF-8: blocks with such lines go to ``_split``.
    """
    if b"\r" in block and block.count(b"\r") != block.count(b"\r\n"):
        return None
    if not _utf8(block):
        return None
    bad: list[BadRow] = []

    def skip(row: arrow_csv.InvalidRow) -> str:
        bad.append(BadRow(before + row.number, f"{row.actual_columns} columns, expected {width}"))
        return "skip"

    names = [f"f{index}" for index in range(width)]
    wanted = sorted({names[index] for index in keep.values()})
    try:
        table = arrow_csv.read_csv(
            pa.BufferReader(block),
            # One thread: only then does Arrow tell a bad row's number.
            read_options=arrow_csv.ReadOptions(column_names=names, use_threads=False),
            parse_options=arrow_csv.ParseOptions(
                delimiter="\t", quote_char=False, invalid_row_handler=skip
            ),
            convert_options=arrow_csv.ConvertOptions(
                include_columns=wanted,
                column_types=dict.fromkeys(wanted, pa.string()),
                strings_can_be_null=False,
                check_utf8=False,  # the whole block was, every column
            ),
        )
    except pa.ArrowInvalid:  # a line longer than Arrow's blocks
        return None
    if table.num_rows + len(bad) != lines:  # an empty line, which Arrow skipped
        return None
    good = np.delete(np.arange(before + 1, before + lines + 1), [r.line - before - 1 for r in bad])
    columns = {"line": pa.array(good, pa.int64())}
    columns.update({name: table.column(names[index]) for name, index in keep.items()})
    return RawBatch(pa.table(columns), bad, lines)


def _utf8(block: bytearray) -> bool:
    """Whether the whole block is UTF-8, by Arrow's check: ten times as fast as decoding it."""
    ends = pa.array([0, len(block)], pa.int64()).buffers()[1]
    text = pa.Array.from_buffers(pa.large_string(), 1, [None, ends, pa.py_buffer(block)])
    try:
        text.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _split(block: bytearray, width: int, keep: dict[str, int], before: int) -> RawBatch:
    """The block line by line: a line that is not UTF-8 or not ``width`` fields is a bad row."""
    names, indexes = list(keep), list(keep.values())
    columns: list[list[str]] = [[] for _ in names]
    lines: list[int] = []
    batch = RawBatch(pa.table({}))
    raws = block.split(b"\n")
    if block.endswith(b"\n"):
        raws.pop()
    for number, raw in enumerate(raws, before + 1):
        batch.rows_read += 1
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            batch.bad_rows.append(BadRow(number, f"not UTF-8 text (byte {error.start})"))
            continue
        fields = text.rstrip("\r").split("\t")
        if len(fields) != width:
            batch.bad_rows.append(BadRow(number, f"{len(fields)} columns, expected {width}"))
            continue
        lines.append(number)
        for column, index in zip(columns, indexes, strict=True):
            column.append(fields[index])
    return _finish(batch, names, columns, lines)


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
            yield _finish(batch, keep, [[] for _ in keep], [])
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
                yield _finish(batch, keep, columns, lines)
                columns, lines, batch = [[] for _ in keep], [], RawBatch(pa.table({}))
        if batch.rows_read:
            yield _finish(batch, keep, columns, lines)


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
