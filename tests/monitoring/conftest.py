import datetime as dt
from pathlib import Path

import pytest

from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.store import EventStore
from accord.monitoring.views import Watch, watch
from tests.monitoring.reading import GDELT_DAYS, read_all

#: The weeks before and after the 10 Nov 2020 Nagorno-Karabakh ceasefire (the GDELT files).
FIRST, LAST = dt.date(2020, 9, 1), dt.date(2020, 11, 20)


def gdelt_store(path: Path) -> EventStore:
    store = EventStore(str(path))
    for file in GDELT_DAYS:
        store.add(read_all(read_gdelt, file)[0])
    return store


@pytest.fixture
def gdelt_watch(tmp_path: Path, csto) -> Watch:
    return watch(gdelt_store(tmp_path / "events.duckdb"), csto, FIRST, LAST)
