"""The event store on DuckDB and on the real PostgreSQL: the same expressions, the same answers."""

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.store import EventStore, first_of_each_event
from tests.monitoring.reading import GDELT_DAYS, SHARED_DATA, read_all

UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"
MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "AFG", "AZE", "UKR"]


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request, tmp_path: Path) -> EventStore:
    if request.param == "duckdb":
        return EventStore(str(tmp_path / "events.duckdb"))
    url = request.getfixturevalue("postgres_url").replace("postgresql+psycopg", "postgresql")
    return EventStore(url)


def test_a_file_repeating_an_event_keeps_its_first_row_once():
    table = pa.table({"event_id": ["a", "b", "a", "c", "b"], "n": [1, 2, 3, 4, 5]})
    assert first_of_each_event(table).to_pydict() == {"event_id": ["a", "b", "c"], "n": [1, 2, 4]}


def test_both_stores_take_a_batch_that_repeats_events_and_a_second_ingest_adds_nothing(store):
    events = read_all(read_ucdp, UCDP)[0]
    assert store.add([*events, *events]) == 1000
    assert store.add(events) == 0
    assert store.count() == 1000


def test_weekly_and_monthly_answers_are_the_same_on_postgresql_and_duckdb(
    tmp_path: Path, postgres_url: str
):
    duck = EventStore(str(tmp_path / "events.duckdb"))
    postgres = EventStore(postgres_url.replace("postgresql+psycopg", "postgresql"))
    tables = read_all(read_ucdp, UCDP)[0]
    for path in GDELT_DAYS:
        tables += read_all(read_gdelt, path)[0]
    for target in (duck, postgres):
        target.add(tables)
    first, last = dt.date(1989, 1, 1), dt.date(2022, 12, 31)

    def weekly(target: EventStore) -> list[dict]:
        # Each engine sums the Goldstein scores in its own order: the last bits may differ.
        return [
            {
                **row,
                "week": row["week"].date() if hasattr(row["week"], "date") else row["week"],
                "intensity": round(row["intensity"], 6),
            }
            for row in target.weekly(MEMBERS, first, last)
        ]

    assert weekly(duck) == weekly(postgres)
    assert len(weekly(duck)) > 50
    assert duck.monthly(MEMBERS, first, last) == postgres.monthly(MEMBERS, first, last)
