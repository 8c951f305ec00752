"""Tab-separated files without a header (GDELT) in blocks of whole lines, parsed by Arrow.

Every bad line still gets its number and reason: a block Arrow would read otherwise than
Python does is read line by line instead.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from io import BufferedReader
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as arrow_csv

from accord.monitoring.ingest.lines import Progress, RawBatch, finish_batch
from accord.monitoring.model import BadRow

#: Bytes read for one batch: about 40,000 rows of a GDELT export.
BLOCK_BYTES = 16 * 1024 * 1024


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
    return finish_batch(batch, names, columns, lines)
