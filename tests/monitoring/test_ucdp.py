import csv
from pathlib import Path

from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.reference import gwno_to_iso3
from accord.monitoring.store import EventStore
from tests.monitoring.reading import SHARED_DATA, read_all

SAMPLE = SHARED_DATA / "ucdp" / "ged-sample.csv"


def test_every_row_of_the_real_ucdp_sample_is_read():
    events, bad, read = read_all(read_ucdp, SAMPLE)
    assert bad == []
    assert read == sum(t.num_rows for t in events) == 1000


def test_fatalities_per_country_match_an_independent_sum(tmp_path: Path):
    store = EventStore(str(tmp_path / "events.duckdb"))
    store.add(read_all(read_ucdp, SAMPLE)[0])
    expected: dict[str, int] = {}
    with SAMPLE.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            iso3 = gwno_to_iso3()[int(row["country_id"])]
            expected[iso3] = expected.get(iso3, 0) + int(row["best"])
    totals = (
        store.events.group_by("country_iso3")
        .aggregate(f=store.events.fatalities.sum())
        .to_pyarrow()
        .to_pylist()
    )
    assert {r["country_iso3"]: r["f"] for r in totals} == expected


def test_bad_ucdp_rows_are_named_with_their_line(tmp_path: Path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    header, first = lines[0], lines[1]
    broken = tmp_path / "ged.csv"
    broken.write_bytes(
        (header + first + "1,2,3\n").encode()
        + first.replace("2013-01-03 00:00:00.000", "2013-02-30 00:00:00.000", 1).encode()
        + b"\xff"
        + first.encode()
    )
    events, bad, read = read_all(read_ucdp, broken)
    assert read == 4
    assert sum(t.num_rows for t in events) == 1
    assert [b.line for b in bad] == [3, 4, 5]
    assert bad[0].reason == "3 columns, expected 49"
    assert bad[1].reason.startswith("date_start 2013-02-30")
    assert bad[2].reason == "not UTF-8 text"
