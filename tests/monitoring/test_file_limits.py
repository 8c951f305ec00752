"""The caps every reader keeps (``ingest.limits``): a line, a field, the bad rows, the kind
of file; each refusal names its rule and the line, and a refused file yields nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.ingest.limits import MAX_BAD_ROWS, MAX_FIELD_CHARS, EventFileRefused
from accord.monitoring.ingest.ucdp import read_ucdp
from tests.monitoring.reading import GDELT_DAYS, SHARED_DATA, read_all

UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"
GDELT_ROWS = GDELT_DAYS[0].read_bytes().splitlines(keepends=True)
UCDP_ROWS = UCDP.read_bytes().splitlines(keepends=True)


def refusal(reader, path: Path) -> str:
    with pytest.raises(EventFileRefused) as refused:
        read_all(reader, path)
    assert refused.value.field == "file"
    return refused.value.rule


def with_field(row: bytes, index: int, value: bytes, separator: bytes) -> bytes:
    fields = row.rstrip(b"\n").split(separator)
    fields[index] = value
    return separator.join(fields) + b"\n"


def test_a_gdelt_line_past_the_cap_after_good_rows_stops_the_file_at_its_line(tmp_path):
    file = tmp_path / "long.CSV"
    file.write_bytes(GDELT_ROWS[0] + GDELT_ROWS[1] + b"x" * (2 << 20) + b"\n" + GDELT_ROWS[2])
    assert refusal(read_gdelt, file) == "line 3 is longer than the 1,048,576 bytes a line may have"


def test_a_gdelt_file_that_ends_in_a_long_line_is_stopped_without_reading_it_whole(tmp_path):
    file = tmp_path / "tail.CSV"
    with file.open("wb") as out:
        out.write(GDELT_ROWS[0])
        out.write(b"y" * (40 << 20))  # past the first block, and never a newline
    assert refusal(read_gdelt, file) == "line 2 is longer than the 1,048,576 bytes a line may have"


def test_a_kept_field_past_the_cap_makes_its_row_bad_and_the_rest_are_read(tmp_path):
    long = b"u" * (MAX_FIELD_CHARS + 1)
    gdelt = tmp_path / "field.CSV"
    gdelt.write_bytes(GDELT_ROWS[0] + with_field(GDELT_ROWS[1], 60, long, b"\t") + GDELT_ROWS[2])
    events, bad, read = read_all(read_gdelt, gdelt)
    assert (read, sum(t.num_rows for t in events)) == (3, 2)
    assert [(b.line, b.reason) for b in bad] == [(2, "a field longer than 32,768 characters")]
    ucdp = tmp_path / "field.csv"
    side_a = UCDP_ROWS[0].decode().split(",").index("side_a")
    ucdp.write_bytes(UCDP_ROWS[0] + with_field(UCDP_ROWS[1], side_a, long, b",") + UCDP_ROWS[2])
    events, bad, read = read_all(read_ucdp, ucdp)
    assert (read, sum(t.num_rows for t in events)) == (2, 1)
    assert [(b.line, b.reason) for b in bad] == [(2, "a field longer than 32,768 characters")]


def test_a_quote_never_closed_is_one_bad_row_bounded_by_the_field_cap(tmp_path):
    file = tmp_path / "quote.csv"
    runaway = b'1,"' + (b"z" * 60_000 + b"\n") * 4
    file.write_bytes(UCDP_ROWS[0] + UCDP_ROWS[1] + runaway + UCDP_ROWS[2])
    events, bad, _ = read_all(read_ucdp, file)
    # csv gives up on the field past its own limit (131,072) in line 5; line 6 is read anew.
    assert [(b.line, b.reason) for b in bad] == [
        (3, "a field longer than 32,768 characters"),
        (6, "1 columns, expected 49"),
    ]
    assert sum(t.num_rows for t in events) == 2


@pytest.mark.parametrize("reader", [read_gdelt, read_ucdp], ids=["gdelt", "ucdp"])
def test_more_bad_rows_than_the_cap_stop_the_file(tmp_path, reader):
    head = GDELT_ROWS[0] if reader is read_gdelt else UCDP_ROWS[0] + UCDP_ROWS[1]
    file = tmp_path / "junk"
    file.write_bytes(head + b"junk\n" * (MAX_BAD_ROWS + 5))
    rule = refusal(reader, file)
    assert rule.startswith(f"more than {MAX_BAD_ROWS:,} bad rows (the last read at line ")


def test_a_file_of_bad_rows_only_is_refused_with_its_first_reason(tmp_path):
    file = tmp_path / "bad.csv"
    file.write_bytes(UCDP_ROWS[0] + b"1,2,3\n" * 3)
    assert refusal(read_ucdp, file) == (
        "no valid row in the file (line 2: 3 columns, expected 49, and 2 more bad rows)"
    )


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "events.fifo"
    os.mkfifo(pipe)
    rule = "not a regular file: a device, a pipe or a folder is never an event file"
    assert refusal(read_gdelt, pipe) == rule
    assert refusal(read_ucdp, pipe) == rule
