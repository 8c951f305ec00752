"""The event store on local Spark gives what it gives on DuckDB (make test-spark)."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.store import EventStore
from tests.monitoring.reading import SHARED_DATA, read_all

pytestmark = pytest.mark.spark

SAMPLE = SHARED_DATA / "ucdp" / "ged-sample.csv"
#: The CSTO's members: the sample has events in them and, outside them, near their borders.
MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
FIRST, LAST = dt.date(1989, 1, 1), dt.date(2022, 12, 31)


@pytest.fixture(scope="module")
def events() -> list[pa.Table]:
    tables, bad, _ = read_all(read_ucdp, SAMPLE)
    assert bad == []
    return tables


@pytest.fixture(scope="module")
def spark_store(tmp_path_factory: pytest.TempPathFactory, events) -> Iterator[EventStore]:
    from pyspark.sql import SparkSession

    # The warehouse is fixed when the session starts; connect() then reuses this session.
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("spark-warehouse")))
        .getOrCreate()
    )
    try:
        store = EventStore("spark://local")
        # The file twice in one batch, so that Spark runs the deduplication too.
        assert store.add(events + events) == sum(t.num_rows for t in events) == 1000
        yield store
    finally:
        session.stop()


def test_weekly_rows_on_spark_equal_those_on_duckdb(
    spark_store: EventStore, events, tmp_path: Path
):
    duck = EventStore(str(tmp_path / "events.duckdb"))
    duck.add(events)
    expected = duck.weekly(MEMBERS, FIRST, LAST)
    assert any(row["across_border"] for row in expected)
    assert spark_store.weekly(MEMBERS, FIRST, LAST) == expected


def test_adding_the_file_again_adds_nothing_on_spark(spark_store: EventStore, events):
    assert spark_store.add(events) == 0
    assert spark_store.count() == 1000
