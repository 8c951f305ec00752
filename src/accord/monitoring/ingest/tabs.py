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

import pyarrow as pa

from accord.monitoring.ingest.arrow_blocks import parsed_block
from accord.monitoring.ingest.limits import (
    MAX_BAD_ROWS,
    MAX_FIELD_CHARS,
    MAX_FILE_BYTES,
    MAX_LINE,
    EventFileRefused,
    long_field,
    long_line,
    regular_file_size,
    too_large,
    too_many_bad_rows,
)
from accord.monitoring.ingest.lines import Progress, RawBatch, finish_batch
from accord.monitoring.model import BadRow

#: Bytes read for one batch: about 40,000 rows of a GDELT export.
BLOCK_BYTES = 16 * 1024 * 1024


def tab_batches(
    path: Path, width: int, keep: dict[str, int], kind: str, progress: Progress | None = None
) -> Iterator[RawBatch]:
    """Tab-separated rows of exactly ``width`` fields; ``keep`` names the 0-based columns kept,
    ``kind`` the format in errors. The first line decides: unless it is a row of ``width``
    fields, the file is not of that format and nothing more of it is read.

    A batch is yielded per block of about ``BLOCK_BYTES`` whole lines. Arrow's CSV parser
    reads a block unless the block holds a line it would see otherwise than Python does; that
    block is read line by line, so every bad line gets its number and reason either way.
    """
    regular_file_size(path)
    # The next block is parsed in a thread while the caller works on this one's batch: Arrow
    # lets go of the interpreter while it parses, and so does DuckDB while it normalises.
    with path.open("rb") as stream, ThreadPoolExecutor(max_workers=1) as parser:
        _first_line(stream, width, kind)
        before = 0
        ahead: deque[tuple[int, Future[RawBatch]]] = deque()
        for block in _blocks(stream):
            lines = block.count(b"\n") + (not block.endswith(b"\n"))
            ahead.append((len(block), parser.submit(_batch, block, lines, width, keep, before)))
            before += lines
            if len(ahead) > 1:
                yield _done(*ahead.popleft(), progress)
        while ahead:
            yield _done(*ahead.popleft(), progress)


def _first_line(stream: BufferedReader, width: int, kind: str) -> None:
    """Refuse a file whose first line is not a row of ``width`` tab-separated fields."""
    line = stream.readline(MAX_LINE + 1)
    stream.seek(0)
    if not line:
        raise EventFileRefused(f"empty: not {kind}")
    if len(line) > MAX_LINE and not line.endswith(b"\n"):
        raise long_line(1, "bytes")
    try:
        fields = line.decode("utf-8").rstrip("\r\n").split("\t")
    except UnicodeDecodeError:
        raise EventFileRefused(f"not {kind}: line 1 is not UTF-8 text") from None
    if len(fields) != width:
        raise EventFileRefused(
            f"not {kind}: line 1 has {len(fields)} tab-separated fields, expected {width}"
        )


def _done(size: int, batch: Future[RawBatch], progress: Progress | None) -> RawBatch:
    if progress is not None:
        progress(size)
    return batch.result()


def _batch(block: bytearray, lines: int, width: int, keep: dict[str, int], before: int) -> RawBatch:
    return parsed_block(block, lines, width, keep, before) or _split(block, width, keep, before)


def _blocks(stream: BufferedReader) -> Iterator[bytearray]:
    """Blocks of whole lines; a line longer than ``MAX_LINE`` at a block's end stops the file
    (one inside a block is found by ``_split``)."""
    lines = size = 0
    while True:
        block = bytearray(BLOCK_BYTES)
        got = stream.readinto(block)
        if not got:
            return
        del block[got:]
        if not block.endswith(b"\n"):
            rest = stream.readline(MAX_LINE + 1)
            if len(rest) > MAX_LINE and not rest.endswith(b"\n"):
                raise long_line(lines + block.count(b"\n") + 1, "bytes")
            block += rest  # a bytearray can grow without a copy; bytes cannot
        lines += block.count(b"\n")
        size += len(block)
        if size > MAX_FILE_BYTES:  # a file that grows while it is read
            raise EventFileRefused(too_large())
        yield block


def _split(block: bytearray, width: int, keep: dict[str, int], before: int) -> RawBatch:
    """The block line by line: a line that is not UTF-8 or not ``width`` fields is a bad row."""
    names, indexes = list(keep), list(keep.values())
    columns: list[list[str]] = [[] for _ in names]
    lines: list[int] = []
    batch = RawBatch(pa.table({}))
    for number, raw in enumerate(_lines_of(block), before + 1):
        batch.rows_read += 1
        if len(raw) > MAX_LINE:
            raise long_line(number, "bytes")
        if len(batch.bad_rows) > MAX_BAD_ROWS:
            raise too_many_bad_rows(batch.bad_rows[-1].line)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            batch.bad_rows.append(BadRow(number, f"not UTF-8 text (byte {error.start})"))
            continue
        fields = text.rstrip("\r").split("\t")
        if len(fields) != width:
            batch.bad_rows.append(BadRow(number, f"{len(fields)} columns, expected {width}"))
            continue
        if any(len(fields[index]) > MAX_FIELD_CHARS for index in indexes):
            batch.bad_rows.append(BadRow(number, long_field()))
            continue
        lines.append(number)
        for column, index in zip(columns, indexes, strict=True):
            column.append(fields[index])
    return finish_batch(batch, names, columns, lines)


def _lines_of(block: bytearray) -> Iterator[bytearray]:
    """The block's lines one at a time: a block of short bad lines is millions of them."""
    start = 0
    while start < len(block):
        end = block.find(b"\n", start)
        end = len(block) if end < 0 else end
        yield block[start:end]
        start = end + 1
