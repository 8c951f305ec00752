import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.monitoring.indicators import indicators
from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.reference import classify_by_prefix, fips_to_iso3
from accord.monitoring.store import EventStore
from tests.cli_tokens import sign_in_as_analyst
from tests.monitoring.reading import GDELT_DAYS, read_all

DAYS = GDELT_DAYS
runner = CliRunner()


def raw_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("path", DAYS, ids=[p.name for p in DAYS])
def test_every_row_of_the_real_gdelt_files_is_read_and_classified(path: Path):
    events, bad, read = read_all(read_gdelt, path)
    assert bad == []
    assert read == sum(t.num_rows for t in events) == len(raw_rows(path))
    for table in events:
        assert set(table.column("category").to_pylist()) <= {
            "terrorism",
            "armed_clash",
            "unrest",
            "border_incident",
            "other",
        }


def test_the_same_file_twice_adds_nothing(tmp_path: Path):
    store = EventStore(str(tmp_path / "events.duckdb"))
    first = store.add(read_all(read_gdelt, DAYS[0])[0])
    assert first == len(raw_rows(DAYS[0]))
    assert store.add(read_all(read_gdelt, DAYS[0])[0]) == 0
    assert store.count() == first


def test_weekly_counts_match_an_independent_count_of_the_raw_file(tmp_path: Path):
    store = EventStore(str(tmp_path / "events.duckdb"))
    for path in DAYS:
        store.add(read_all(read_gdelt, path)[0])
    iso3 = fips_to_iso3()
    expected: dict[tuple[str, str], int] = {}
    for path in DAYS:
        for row in raw_rows(path):
            country = iso3.get(row[53])
            found = classify_by_prefix("gdelt", "EventCode", row[26])
            if country in ("ARM", "AZE", "RUS") and found is not None:
                key = (country, found.category)
                expected[key] = expected.get(key, 0) + 1
    rows = store.weekly(["ARM", "AZE", "RUS"], dt.date(2020, 11, 9), dt.date(2020, 11, 15))
    # Events across a member's border count for it too; the raw file's own countries are the
    # rest.
    within = {(r["country"], r["category"]): r["events"] - r["across_border"] for r in rows}
    assert {key: count for key, count in within.items() if count} == expected


def test_bad_rows_are_reported_with_their_line_and_reason(tmp_path: Path):
    good = DAYS[0].read_bytes().splitlines(keepends=True)[:3]
    fields = good[0].decode().rstrip("\n").split("\t")
    bad_date = "\t".join([fields[0], "20201399", *fields[2:]]) + "\n"
    bad_country = "\t".join([*fields[:53], "QQ", *fields[54:]]) + "\n"
    file = tmp_path / "broken.CSV"
    file.write_bytes(
        good[0]
        + b"too\tfew\tcolumns\n"
        + bad_date.encode()
        + b"\xff\xfe\n"
        + bad_country.encode()
        + good[1]
        + good[2].rstrip(b"\n")[:40]
    )
    events, bad, read = read_all(read_gdelt, file)
    assert read == 7
    assert sum(t.num_rows for t in events) == 2
    assert [(b.line, b.reason) for b in bad] == [
        (2, "3 columns, expected 61"),
        (3, "SQLDATE 20201399 is not a date (YYYYMMDD)"),
        (4, "not UTF-8 text (byte 0)"),
        (5, "unknown FIPS 10-4 country code QQ"),
        (7, "5 columns, expected 61"),
    ]


def test_cameo_codes_map_by_their_longest_prefix():
    assert classify_by_prefix("gdelt", "EventCode", "1831").category == "terrorism"
    assert classify_by_prefix("gdelt", "EventCode", "193").category == "armed_clash"
    assert classify_by_prefix("gdelt", "EventCode", "141").category == "unrest"
    assert classify_by_prefix("gdelt", "EventCode", "0251").category == "other"


def test_a_surge_far_above_the_baseline_is_a_week_with_a_high_z():
    calm = [
        {
            "country": "ARM",
            "category": "armed_clash",
            "week": dt.date(2022, 8, 1) + dt.timedelta(weeks=w),
            "events": 2,
            "fatalities": 0,
            "intensity": 1.0,
        }
        for w in range(6)
    ]
    surge = {
        "country": "ARM",
        "category": "armed_clash",
        "week": dt.date(2022, 9, 12),
        "events": 14,
        "fatalities": 200,
        "intensity": 40.0,
    }
    series = indicators([*calm, surge], dt.date(2022, 8, 1), dt.date(2022, 9, 18))
    last = series[-1]
    assert (last.week, last.events, last.fatalities) == (dt.date(2022, 9, 12), 14, 200)
    assert last.baseline == pytest.approx(2.0)
    assert last.z == pytest.approx(12.0)


def test_the_cli_ingests_reports_and_refuses_an_unknown_format(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    sign_in_as_analyst(monkeypatch, f"sqlite:///{tmp_path / 'accord.db'}")
    result = runner.invoke(app, ["monitor", "ingest", str(DAYS[1]), "--format", "gdelt", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["rows_added"] == report["rows_read"] == len(raw_rows(DAYS[1]))
    wrong = runner.invoke(app, ["monitor", "ingest", str(DAYS[1]), "--format", "gdeltx"])
    assert wrong.exit_code == 2
    alerts = runner.invoke(
        app, ["monitor", "alerts", "--from", "2020-09-01", "--to", "2020-11-30", "--json"]
    )
    assert alerts.exit_code == 0, alerts.output
    assert all("CST-2" in a["recommendation"] for a in json.loads(alerts.output))


@pytest.mark.parametrize("path", DAYS, ids=[p.name for p in DAYS])
def test_a_country_level_place_is_not_a_point_to_measure_borders_from(path: Path):
    events = pa.concat_tables(read_all(read_gdelt, path)[0])
    located = {f"gdelt:{row[0]}" for row in raw_rows(path) if row[51] != "1" and row[56] != ""}
    with_point = {
        event_id
        for event_id, lat in zip(
            events.column("event_id").to_pylist(), events.column("lat").to_pylist(), strict=True
        )
        if lat is not None
    }
    assert with_point == located
    assert len(located) < events.num_rows
