"""Journal pages: at most ``limit`` entries after ``after``, in order, read with SQL LIMIT on
both databases (PostgreSQL once sent every row after ``after`` for one page)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.journal.repository import SqlJournal, page_after
from tests.api_client import ApiUsers
from tests.histories import ENTRIES_PER_CRISIS, History


@pytest.fixture
def accord(database_url):
    running = sql_accord(Settings(database_url=database_url))
    History(running).crises_of(3)
    yield running
    running.close()


def test_a_page_holds_the_entries_after_the_given_seq_in_order(accord):
    every = list(SqlJournal(accord.engine).entries())
    with accord.engine.connect() as connection:
        page = page_after(connection, 5, 10)
        last = page_after(connection, len(every) - 3, 10)
        beyond = page_after(connection, len(every), 10)
    assert [entry.seq for entry in page] == list(range(6, 16))
    assert page == every[5:15]
    assert [entry.seq for entry in last] == [len(every) - 2, len(every) - 1, len(every)]
    assert beyond == []


def test_a_page_is_read_with_a_limit_in_the_statement(accord):
    sent: list[str] = []

    def remember(_conn, _cursor, statement, *_args):
        sent.append(statement)

    # on this connection only: the journal's background verification reads it on its own
    with accord.engine.connect() as connection:
        event.listen(connection, "before_cursor_execute", remember)
        assert len(page_after(connection, 0, 4)) == 4
    (statement,) = [s for s in sent if "journal_entries" in s]
    assert "LIMIT" in statement.upper()


def test_the_api_pages_through_the_whole_journal(sqlite_url):
    api = ApiUsers(sqlite_url)
    try:
        History(api.accord).crises_of(2)
        seen, after = [], 0
        while page := api.get("secretariat", "/journal", after=after, limit=7).json():
            assert len(page) <= 7
            seen += [entry["seq"] for entry in page]
            after = page[-1]["seq"]
        assert seen == list(range(1, 2 * ENTRIES_PER_CRISIS + 1))
    finally:
        api.close()


def test_a_page_never_shows_a_clients_idempotency_key(sqlite_url):
    api = ApiUsers(sqlite_url)
    try:
        pledge = {"unit": "KAZ-ENG-1", "strength": 300, "capabilities": ["engineers"]}
        sent = api.post("KAZ", "/units", pledge, **{"Idempotency-Key": "retry-me"})
        assert sent.status_code == 201, sent.text
        (entry,) = api.get("secretariat", "/journal").json()
        assert entry["command"] == "pledge_unit"
        assert "request_key" not in entry
        assert "retry-me" not in str(entry)
    finally:
        api.close()
