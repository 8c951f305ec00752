"""Benchmark: the journal's checks at 10,000 and 100,000 entries, on SQLite and PostgreSQL.

Run with ``python -m benchmarks.bench_journal_check`` from the repository root (``--sizes
10000`` for a shorter run, ``--no-postgres`` without the server). Each journal is generated
directly (pledges with their event, sealed and chained as the bus seals them, appended in
transactions of 5,000), so that the figures are the checks', not the generator's:

- the check at start against a signed head (a SHA-256 over each stored body, the Merkle root,
  the tail and journal_head): what every server, ``accord send`` and CLI pays before serving;
- the first start with no head yet (each body decoded: content, chain and columns), then signed;
- the full verification (GET /journal/verification, ``accord journal verify``), aim ≥ 20,000
  entries/s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.report import table
from tests.load.servers import postgres_schema

from accord.adapters.db import make_engine
from accord.adapters.migrate import upgrade
from accord.journal import repository
from accord.journal.full_check import verify_journal
from accord.journal.model import GENESIS, Entry
from accord.journal.repository import SqlJournal
from accord.journal.seal import JournalSeal
from accord.journal.seal_files import SealFiles
from accord.journal.signing import SigningKey

CHUNK = 5000


def entries(count: int) -> Iterator[Entry]:
    """Pledges as the bus journals them: the command, its ruling and its event, chained."""
    previous = GENESIS
    for seq in range(1, count + 1):
        unit = {"unit": f"KAZ-{seq}", "strength": 300, "capabilities": ["engineers"]}
        entry = Entry(
            seq=seq,
            at="2026-01-06T01:00:00+00:00",
            actor="KAZ",
            command="pledge_unit",
            payload={**unit, "kind": "engineers", "readiness_days": 30, "not_in": []},
            allowed=True,
            articles=["CHARTER-7"],
            reasons=["a member pledges its own unit to a formation that exists that day"],
            events=[{"name": "unit_pledged", "data": {**unit, "unit_id": f"unit-{seq}"}}],
            prev=previous,
        ).sealed()
        previous = entry.hash
        yield entry


def fill(url: str, count: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    batch: list[Entry] = []
    for entry in entries(count):
        batch.append(entry)
        if len(batch) == CHUNK or entry.seq == count:
            writing = engine.connect().execution_options(writing=True)
            with writing as connection, connection.begin():
                repository.lock_head(connection)
                repository.append(connection, batch)
            batch = []
    engine.dispose()


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def figures(name: str, url: str, count: int, folder: Path) -> list[tuple[str, ...]]:
    fill(url, count)
    engine = make_engine(url)
    journal, files = SqlJournal(engine), SealFiles(folder)
    key_file = folder / "key"
    key = SigningKey.load_or_create(key_file)
    first = timed(lambda: JournalSeal.opened(files, key, journal))  # no head yet: signs one
    start = timed(lambda: JournalSeal.opened(files, key, journal))

    def full() -> None:
        with journal.snapshot() as view:
            assert verify_journal(view, files, key_file).ok

    verification = timed(full)
    engine.dispose()
    files.forget()
    return [
        (f"{name}, {count:,}", "start-up check", f"{start:.3f}", f"{count / start:,.0f}"),
        (f"{name}, {count:,}", "first start", f"{first:.3f}", f"{count / first:,.0f}"),
        (
            f"{name}, {count:,}",
            "full verification",
            f"{verification:.3f}",
            f"{count / verification:,.0f}",
        ),
    ]


@contextmanager
def sqlite(folder: Path) -> Iterator[str]:
    yield f"sqlite:///{folder / 'accord.db'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-postgres", action="store_true")
    options = parser.parse_args()
    rows = [("journal", "check", "seconds", "entries/s")]
    for count in options.sizes:
        with tempfile.TemporaryDirectory(prefix="accord-bench-journal-") as name:
            folder = Path(name)
            with sqlite(folder) as url:
                rows += figures("SQLite", url, count, folder)
        if not options.no_postgres:
            with (
                tempfile.TemporaryDirectory(prefix="accord-bench-journal-") as name,
                postgres_schema() as url,
            ):
                rows += figures("PostgreSQL", url, count, Path(name))
    for line in table(rows):
        print(line)


if __name__ == "__main__":
    main()
