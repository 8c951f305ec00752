import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from accord.bodies.commands import ConveneSession, StatePosition, TableDraft
from accord.bodies.tables import drafts
from accord.bootstrap import build_bus, database_engine, sql_unit_of_work
from accord.cases.changes import CASES
from accord.cases.commands import FileRequest
from accord.cases.tables import cases
from accord.config import Settings
from accord.contexts import empty_world
from accord.journal.repository import SqlJournal
from accord.journal.tables import journal_entries
from accord.journal.verify import verify
from accord.service.actors import resolve_actor
from accord.service.sql_unit_of_work import SqlUnitOfWork
from accord.service.unit_of_work import WriteFailed

AT = dt.datetime(2022, 1, 6, 1, 0, tzinfo=dt.UTC)
MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


@pytest.fixture
def engine(database_url):
    engine = database_engine(Settings(database_url=database_url))
    yield engine
    engine.dispose()


def a_bus(engine, csto, projectors=None):
    uow = (
        sql_unit_of_work(engine, csto)
        if projectors is None
        else SqlUnitOfWork(engine, empty_world(csto), projectors)
    )
    return build_bus(uow)


def act(bus, by, command, at=AT):
    return bus.handle(command, resolve_actor(bus.uow.world, by, at.date()), at)


def count(engine, table):
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_command_writes_its_journal_entry_and_its_rows_together(engine, csto):
    bus = a_bus(engine, csto)
    result = act(
        bus, "KAZ", FileRequest(article="CST-4", threat="aggression", aggressor="non_state")
    )
    assert result.allowed
    assert count(engine, journal_entries) == 1
    with engine.connect() as connection:
        row = connection.execute(select(cases)).one()
    assert row.id == "case-1"
    assert row.document["requested_by"] == "KAZ"


def test_when_a_table_cannot_be_written_nothing_is_kept(engine, csto):
    def broken(connection, world, events):
        raise RuntimeError("disk full")

    bus = a_bus(engine, csto, projectors=[broken])
    with pytest.raises(WriteFailed, match="file_request: the database refused the write"):
        act(bus, "KAZ", FileRequest(article="CST-2"))
    assert count(engine, journal_entries) == 0
    assert bus.uow.world[CASES] == {}
    assert len(bus.uow.journal) == 0


def test_a_second_process_catches_up_from_the_journal(engine, csto):
    first, second = a_bus(engine, csto), a_bus(engine, csto)
    act(first, "KAZ", FileRequest(article="CST-2"))
    act(second, "KGZ", FileRequest(article="CST-2"))
    assert sorted(second.uow.world[CASES]) == ["case-1", "case-2"]
    second.uow.refresh()
    first.uow.refresh()
    assert first.uow.world[CASES] == second.uow.world[CASES]


def test_concurrent_writers_on_one_draft_lose_no_position(engine, csto):
    setup = a_bus(engine, csto)
    act(setup, "KAZ", FileRequest(article="CST-2"))
    act(setup, "chair", ConveneSession(body="CSC", about="case-1"))
    act(setup, "chair", TableDraft(session="session-1", kind="statement", case="case-1"))
    clients = [a_bus(engine, csto) for _ in MEMBERS]  # as if each delegation ran its own server
    barrier = threading.Barrier(len(MEMBERS))
    results = {}

    def state(bus, member):
        barrier.wait()
        results[member] = act(bus, member, StatePosition(draft="draft-1", position="support"))

    threads = [
        threading.Thread(target=state, args=(bus, member))
        for bus, member in zip(clients, MEMBERS, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result.allowed for result in results.values())
    with engine.connect() as connection:
        document = connection.execute(select(drafts.c.document)).scalar_one()
    assert sorted(document["positions"]) == MEMBERS
    check = verify(SqlJournal(engine).entries())
    assert check.ok, check.problems
    assert check.entries == 3 + len(MEMBERS)
