import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.monitoring.ingest import commas
from accord.monitoring.ingest.acled import read_acled
from accord.monitoring.ingest.commas import csv_batches
from accord.monitoring.reference import iso_numeric_to_iso3, taxonomy
from accord.monitoring.store import EventStore
from tests.cli_tokens import sign_in_as_analyst
from tests.monitoring.reading import read_all

# ACLED's terms forbid passing its data on, so these rows are invented (see their README).
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "acled"
SAMPLE = FIXTURES / "acled-sample.csv"
BAD = FIXTURES / "acled-bad.csv"
runner = CliRunner()


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_every_row_of_the_acled_sample_is_read():
    events, bad, read = read_all(read_acled, SAMPLE)
    assert bad == []
    assert read == sum(t.num_rows for t in events) == len(sample_rows()) == 51


def test_iso_numeric_codes_map_to_alpha3():
    codes = iso_numeric_to_iso3()
    assert len(codes) == 249
    assert (codes[4], codes[51], codes[398], codes[643], codes[860]) == (
        "AFG",
        "ARM",
        "KAZ",
        "RUS",
        "UZB",
    )
    assert 999 not in codes


def test_events_and_fatalities_per_country_match_an_independent_count(tmp_path: Path):
    store = EventStore(str(tmp_path / "events.duckdb"))
    store.add(read_all(read_acled, SAMPLE)[0])
    expected: dict[str, tuple[int, int]] = {}
    for row in sample_rows():
        iso3 = iso_numeric_to_iso3()[int(row["iso"])]
        events, fatalities = expected.get(iso3, (0, 0))
        expected[iso3] = (events + 1, fatalities + int(row["fatalities"]))
    totals = (
        store.events.group_by("country_iso3")
        .aggregate(n=store.events.count(), f=store.events.fatalities.sum())
        .to_pyarrow()
        .to_pylist()
    )
    assert {r["country_iso3"]: (r["n"], r["f"]) for r in totals} == expected
    assert expected["KAZ"][0] == 11
    assert sum(f for _, f in expected.values()) == 124


def test_the_sub_event_type_wins_over_the_event_type():
    suicide = next(r for r in sample_rows() if r["sub_event_type"] == "Suicide bomb")
    assert taxonomy("acled", "event_type")[suicide["event_type"]].category == "armed_clash"
    events = read_all(read_acled, SAMPLE)[0]
    found = [
        row
        for table in events
        for row in table.to_pylist()
        if row["event_id"] == f"acled:{suicide['event_id_cnty']}"
    ]
    assert [(r["category"], r["subcategory"]) for r in found] == [("terrorism", "suicide_bombing")]


def test_an_unknown_sub_event_type_falls_back_and_two_unknown_types_are_bad(tmp_path: Path):
    first = sample_rows()[0]
    known = {**first, "event_id_cnty": "ARM9901", "sub_event_type": "Rocket barrage"}
    neither = {**first, "event_id_cnty": "ARM9902", "event_type": "Skirmish"}
    neither["sub_event_type"] = "Brawl"
    file = tmp_path / "types.csv"
    file.write_text(csv_text([known, neither]), encoding="utf-8")
    events, bad, _ = read_all(read_acled, file)
    assert [(r["category"], r["subcategory"]) for r in events[0].to_pylist()] == [
        ("armed_clash", "remote_violence")
    ]
    assert [(b.line, b.reason) for b in bad] == [
        (3, "unknown event_type Skirmish and sub_event_type Brawl")
    ]


def test_the_older_day_month_year_date_form_is_accepted(tmp_path: Path):
    rows = [{**sample_rows()[0], "event_date": "13 September 2022"}]
    file = tmp_path / "old.csv"
    file.write_text(csv_text(rows), encoding="utf-8")
    events, bad, _ = read_all(read_acled, file)
    assert bad == []
    assert str(events[0].column("date")[0]) == "2022-09-13"


def test_the_bad_fixture_gives_the_lines_its_readme_promises():
    events, bad, read = read_all(read_acled, BAD)
    assert read == 6
    accepted = [row["event_id"] for table in events for row in table.to_pylist()]
    assert accepted == ["acled:KGZ9101", "acled:AFG9101"]
    assert [(b.line, b.reason) for b in bad] == [
        (3, "30 columns, expected 31"),
        (4, "event_date 2099-09-14 out of range"),
        (5, "unknown country Freedonia (iso 999)"),
        (6, "fatalities several is not a number"),
    ]


def test_the_same_file_twice_adds_nothing(tmp_path: Path):
    store = EventStore(str(tmp_path / "e.duckdb"))
    assert store.add(read_all(read_acled, SAMPLE)[0]) == 51
    assert store.add(read_all(read_acled, SAMPLE)[0]) == 0
    assert store.count() == 51


@pytest.mark.parametrize(
    ("cut_before", "columns"),
    [(",Syunik,", 18), (" fired by", 28)],
    ids=["between-fields", "inside-quoted-notes"],
)
def test_a_foreign_byte_and_a_cut_last_row_are_named(tmp_path: Path, cut_before, columns):
    text = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    header, first, second, last = text[0], text[1], text[2], text[4]
    assert last.startswith("ARM9004,")
    foreign = second.replace("Sotk", "S\udcffotk").encode("utf-8", "surrogateescape")
    file = tmp_path / "broken.csv"
    file.write_bytes((header + first).encode() + foreign + last[: last.index(cut_before)].encode())
    events, bad, read = read_all(read_acled, file)
    assert read == 3
    assert [row["event_id"] for t in events for row in t.to_pylist()] == ["acled:ARM9001"]
    assert [(b.line, b.reason) for b in bad] == [
        (3, "not UTF-8 text"),
        (4, f"{columns} columns, expected 31"),
    ]


def test_csv_batches_come_every_batch_rows_read_with_the_lines_rows_start_on(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(commas, "BATCH_ROWS", 2)
    file = tmp_path / "rows.csv"
    file.write_text(
        'id,note\n1,plain\n2,"two\nlines"\n3,x,extra\n4,plain\n5,"a ""quoted"" word"\n6,last\n',
        encoding="utf-8",
    )
    batches = list(csv_batches(file, ["id", "note"], "a test file"))
    assert [
        (b.table.column("line").to_pylist(), [r.line for r in b.bad_rows], b.rows_read)
        for b in batches
    ] == [([2, 3], [], 2), ([6], [5], 2), ([7, 8], [], 2)]
    assert batches[0].table.column("note").to_pylist() == ["plain", "two\nlines"]
    assert batches[1].bad_rows[0].reason == "3 columns, expected 2"


def test_small_batches_read_the_sample_whole_and_in_order(monkeypatch):
    monkeypatch.setattr(commas, "BATCH_ROWS", 10)
    events, bad, read = read_all(read_acled, SAMPLE)
    assert [t.num_rows for t in events] == [10, 10, 10, 10, 10, 1]
    assert bad == []
    assert read == 51
    ids = [row["event_id"] for t in events for row in t.to_pylist()]
    assert ids == [f"acled:{r['event_id_cnty']}" for r in sample_rows()]


def test_the_cli_ingests_acled_and_reports_every_bad_line(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    sign_in_as_analyst(monkeypatch, f"sqlite:///{tmp_path / 'accord.db'}")

    def ingest(path: Path) -> dict:
        result = runner.invoke(app, ["monitor", "ingest", str(path), "--format", "acled", "--json"])
        assert result.exit_code == 0, result.output
        report: dict = json.loads(result.output)
        return report

    first = ingest(SAMPLE)
    assert (first["rows_read"], first["rows_added"], first["bad_rows"]) == (51, 51, [])
    broken = ingest(BAD)
    assert (broken["rows_read"], broken["rows_added"]) == (6, 2)
    assert [b["line"] for b in broken["bad_rows"]] == [3, 4, 5, 6]
    again = ingest(SAMPLE)
    assert (again["rows_added"], again["duplicates"]) == (0, 51)
