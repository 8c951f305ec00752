"""The one writer: group commits, answers of their own, snapshots that readers pick up whole."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import event, func, select

from accord.bodies.commands import StatePosition
from accord.bootstrap import build_bus, database_engine, sql_accord, sql_unit_of_work
from accord.cases.changes import CASES
from accord.cases.commands import FileRequest
from accord.config import Settings
from accord.forces.commands import PledgeUnit
from accord.forces.model import UNITS
from accord.journal.repository import SqlJournal
from accord.journal.tables import journal_entries
from accord.journal.verify import verify
from accord.kernel.errors import NotFound
from accord.kernel.messages import Actor
from accord.service.unit_of_work import WriteFailed
from accord.service.writer import Writer

AT = dt.datetime(2022, 1, 6, 1, 0, tzinfo=dt.UTC)
KAZ = Actor("KAZ", "KAZ", "state")


@pytest.fixture
def accord(database_url):
    running = sql_accord(Settings(database_url=database_url))
    yield running
    running.close()


def commits_of(engine) -> list[int]:
    counted = [0]

    def count(_connection) -> None:
        counted[0] += 1

    event.listen(engine, "commit", count)
    return counted


def held_writer(writer: Writer) -> threading.Event:
    """The writer kept busy inside a transaction until the returned event is set."""
    release, inside = threading.Event(), threading.Event()

    def hold(_bus) -> None:
        inside.set()
        release.wait(timeout=30)

    threading.Thread(target=writer.call, args=(hold,), daemon=True).start()
    assert inside.wait(timeout=30)
    return release


def in_threads(calls) -> list:
    """Each call in a thread of its own; their answers (or errors) in order."""
    answers: list = [None] * len(calls)

    def run(index, call) -> None:
        try:
            answers[index] = call()
        except Exception as error:
            answers[index] = error

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    return answers, threads


def wait_queued(writer: Writer, count: int) -> None:
    deadline = time.monotonic() + 30
    while writer._queue.qsize() < count:
        assert time.monotonic() < deadline, "the commands never reached the writer's queue"
        time.sleep(0.01)


def pledge(number: int) -> PledgeUnit:
    return PledgeUnit(unit=f"KAZ-ENG-{number}", strength=100, capabilities=("engineers",))


def test_waiting_commands_share_one_transaction_each_with_its_own_entry(accord):
    commits = commits_of(accord.engine)
    release = held_writer(accord.writer)
    calls = [lambda n=n: accord.handle(pledge(n), KAZ, AT) for n in range(12)]
    answers, threads = in_threads(calls)
    wait_queued(accord.writer, 12)
    release.set()
    for thread in threads:
        thread.join(timeout=60)
    assert all(answer.allowed for answer in answers)
    assert sorted(answer.entry.seq for answer in answers) == list(range(1, 13))
    assert commits[0] == 2  # the held transaction, then all twelve in one
    check = verify(SqlJournal(accord.engine).entries())
    assert check.ok
    assert check.entries == 12
    assert len(accord.world[UNITS]) == 12


def test_a_command_that_fails_does_not_fail_its_neighbours(accord):
    release = held_writer(accord.writer)
    calls = [
        lambda: accord.handle(pledge(1), KAZ, AT),
        lambda: accord.handle(StatePosition(draft="draft-404", position="support"), KAZ, AT),
        lambda: accord.handle(pledge(2), KAZ, AT),
    ]
    answers, threads = in_threads(calls)
    wait_queued(accord.writer, 3)
    release.set()
    for thread in threads:
        thread.join(timeout=60)
    assert isinstance(answers[1], NotFound)
    assert answers[0].allowed
    assert answers[2].allowed
    assert sorted(unit.name for unit in accord.world[UNITS].values()) == ["KAZ-ENG-1", "KAZ-ENG-2"]


def test_a_write_the_database_refuses_fails_alone_and_the_rest_are_written(database_url, csto):
    def refuses_one(connection, world, events) -> None:
        if any(getattr(e, "summary", "") == "refused by the database" for e in events):
            raise RuntimeError("constraint failed")

    engine = database_engine(Settings(database_url=database_url))
    uow = sql_unit_of_work(engine, csto)
    uow.projectors = [*uow.projectors, refuses_one]
    writer = Writer(build_bus(uow))
    try:
        release = held_writer(writer)
        summaries = ["first", "refused by the database", "third"]
        calls = [
            lambda s=s: writer.call(
                lambda bus, s=s: bus.handle_within(FileRequest(article="CST-2", summary=s), KAZ, AT)
            )
            for s in summaries
        ]
        answers, threads = in_threads(calls)
        wait_queued(writer, 3)
        release.set()
        for thread in threads:
            thread.join(timeout=60)
        assert isinstance(answers[1], WriteFailed)
        assert [answers[0].allowed, answers[2].allowed] == [True, True]
        kept = sorted(case.summary for case in writer.snapshot[CASES].values())
        assert kept == ["first", "third"]
        with engine.connect() as connection:
            count = select(func.count()).select_from(journal_entries)
            assert connection.execute(count).scalar_one() == 2
    finally:
        writer.close()
        engine.dispose()


def test_an_acknowledged_write_is_in_the_next_read(accord):
    for number in range(5):
        result = accord.handle(pledge(number), KAZ, AT)
        assert result.allowed
        assert result.created["unit"] in accord.world[UNITS]


def test_readers_iterate_snapshots_while_the_writer_changes_the_world(accord):
    stop = threading.Event()
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def read() -> None:
        while not stop.is_set():
            world = accord.world
            try:
                strengths = [unit.strength for unit in world[UNITS].values()]
                seen.append((world.version, len(strengths)))
                assert len(world[UNITS]) == len(strengths)
            except BaseException as error:
                errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    writers, threads = in_threads(
        [lambda n=n: accord.handle(pledge(n), KAZ, AT) for n in range(40)]
    )
    for thread in threads:
        thread.join(timeout=120)
    stop.set()
    for reader in readers:
        reader.join(timeout=30)
    assert not errors
    assert all(result.allowed for result in writers)
    # A snapshot's version counts its events: one unit per event, never half a command.
    assert all(version == units for version, units in seen)
    assert len(accord.world[UNITS]) == 40
