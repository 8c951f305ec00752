"""Every reader on arbitrary bytes and on near-valid files (real rows, mutated): it either
reads the file, each row an event or a bad row with its line, or refuses it whole with
EventFileRefused naming its rule; no other exception, ever.

Bounded (``FUZZ``) so that each test takes seconds; ``pytest --hypothesis-show-statistics``
tallies how the inputs were answered (hypothesis ``event``).
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from accord.monitoring.ingest.acled import read_acled
from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.ingest.limits import EventFileRefused
from accord.monitoring.ingest.ucdp import read_ucdp
from tests.monitoring.reading import GDELT_DAYS, SHARED_DATA, read_all

pytestmark = pytest.mark.slow
FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ACLED = Path(__file__).resolve().parents[1] / "fixtures" / "acled" / "acled-sample.csv"
UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"
Reader = Callable[[Path], Iterator]
READERS = {"gdelt": read_gdelt, "ucdp": read_ucdp, "acled": read_acled}


def rows_of(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        return list(csv.reader(stream, delimiter=delimiter, quoting=quoting))[:40]


SAMPLES = {
    "gdelt": ("\t", rows_of(GDELT_DAYS[0], "\t")),
    "ucdp": (",", rows_of(UCDP, ",")),
    "acled": (",", rows_of(ACLED, ",")),
}
#: What a hostile field holds: separators, quotes, line ends, NUL, foreign scripts, numbers.
FIELD = st.one_of(
    st.text(alphabet=st.sampled_from('\t,"\n\r\x00 aZ09-.:é✓'), max_size=12),
    st.text(max_size=12),
    st.integers().map(str),
    st.sampled_from(["", "NaN", "1e309", "-0", "2022-02-30", "99999999", "9" * 40]),
)


def answer(reader: Reader, content: bytes) -> str:
    """Read ``content`` as a file; the kind of answer, after checking what must hold."""
    with tempfile.TemporaryDirectory(prefix="accord-fuzz-") as folder:
        path = Path(folder) / "events"
        path.write_bytes(content)
        try:
            events, bad, read = read_all(reader, path)
        except EventFileRefused as refused:
            return refusal(refused)
    valid = sum(table.num_rows for table in events)
    assert valid >= 1, "a file with no valid row is never a success"
    assert valid + len(bad) == read, "every row is an event or a bad row"
    lines = [row.line for row in bad]
    assert lines == sorted(set(lines)), "bad rows come once each, in line order"
    assert all(line >= 1 and row.reason for line, row in zip(lines, bad, strict=True))
    return f"read, {'some' if bad else 'no'} bad rows"


def refusal(refused: EventFileRefused) -> str:
    """The rule a refusal names, its figures left out, for the tally."""
    if refused.field != "file" or not refused.rule:
        raise AssertionError(f"a refusal names the file and its rule: {refused!r}")
    return "refused: " + re.sub(r"\d[\d,]*", "N", refused.rule.split(":")[0])


@st.composite
def near_valid(draw: st.DrawFn, format: str) -> bytes:
    """A real file's head (its header, for CSV) and rows, some of them mutated."""
    delimiter, rows = SAMPLES[format]
    head, body = (rows[:1], rows[1:]) if format != "gdelt" else ([], rows)
    chosen = [list(row) for row in draw(st.lists(st.sampled_from(body), min_size=1, max_size=6))]
    for row in chosen:
        change = draw(st.sampled_from(["keep", "field", "drop", "extra", "swap"]))
        if change == "field":
            row[draw(st.integers(0, len(row) - 1))] = draw(FIELD)
        elif change == "drop":
            del row[draw(st.integers(0, len(row) - 1))]
        elif change == "extra":
            row.insert(draw(st.integers(0, len(row))), draw(FIELD))
        elif change == "swap":
            i, j = draw(st.integers(0, len(row) - 1)), draw(st.integers(0, len(row) - 1))
            row[i], row[j] = row[j], row[i]
    if delimiter == "\t":
        text = "".join("\t".join(row) + "\n" for row in chosen)
    else:
        out = io.StringIO()
        csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(
            head + chosen
        )
        text = out.getvalue()
    content = text.encode("utf-8")
    if draw(st.booleans()):  # a raw cut, splice or foreign byte anywhere
        at = draw(st.integers(0, len(content)))
        content = content[:at] + draw(st.binary(max_size=8)) + content[at:]
    return content


@pytest.mark.parametrize("format", list(READERS))
@FUZZ
@given(content=st.binary(max_size=4000))
def test_arbitrary_bytes_are_read_or_refused_with_the_documented_error(format, content):
    event(answer(READERS[format], content))


@pytest.mark.parametrize("format", list(READERS))
@FUZZ
@given(data=st.data())
def test_near_valid_files_are_read_row_by_row_or_refused(format, data):
    event(answer(READERS[format], data.draw(near_valid(format))))


@pytest.mark.parametrize("format", list(READERS))
@FUZZ
@given(data=st.data(), junk=st.binary(min_size=1, max_size=3000))
def test_a_real_head_followed_by_anything_is_read_or_refused(format, data, junk):
    delimiter, rows = SAMPLES[format]
    first = rows[: 2 if format != "gdelt" else 1]
    head = "".join(delimiter.join(row) + "\n" for row in first).encode()
    if format != "gdelt":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(first)
        head = out.getvalue().encode()
    event(answer(READERS[format], head + junk))
