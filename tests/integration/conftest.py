"""Fixtures the integration tests share."""

from __future__ import annotations

import pytest

from accord.bootstrap import sql_accord
from accord.config import Settings
from tests.histories import ENTRIES_PER_CRISIS, History


@pytest.fixture
def configured(database_url, monkeypatch):
    """The database every `accord` command of the test is configured with, two crises in."""
    monkeypatch.setenv("ACCORD_DATABASE_URL", database_url)
    accord = sql_accord(Settings(database_url=database_url, snapshot_every=ENTRIES_PER_CRISIS))
    history = History(accord).crises_of(2)
    yield history
    accord.close()
