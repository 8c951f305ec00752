"""Benchmark: the one writer with group commit beside one transaction per command.

Run with ``make bench-load`` (which runs this after the HTTP load) or ``python -m
benchmarks.bench_writer`` from the repository root. ``CLIENTS`` threads each send ``COMMANDS``
pledges through ``Accord.handle`` — the path every entry point's commands take — on a fresh
SQLite file (WAL, ``synchronous=FULL`` as configured in adapters/db.py) and on a fresh
PostgreSQL schema. The
same run measures ``max_batch=1`` (each command its own transaction and fsync) and the default
(the writer takes whatever is waiting into one transaction); both have the same durability:
a command is answered only after its transaction has committed.

The aim: commands per second with group commit at least twice one transaction per command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.report import table
from tests.load.servers import postgres_schema

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.forces.commands import PledgeUnit
from accord.forces.model import UNITS
from accord.kernel.messages import Actor

AT = dt.datetime(2026, 1, 6, 1, 0, tzinfo=dt.UTC)
KAZ = Actor("KAZ", "KAZ", "state")


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="accord-bench-writer-") as folder:
        yield f"sqlite:///{Path(folder) / 'accord.db'}"


def commands_per_second(url: str, max_batch: int, clients: int, commands: int) -> float:
    accord = sql_accord(Settings(database_url=url, max_batch=max_batch))
    start = threading.Barrier(clients + 1)

    def client(number: int) -> None:
        start.wait()
        for n in range(commands):
            pledge = PledgeUnit(unit=f"KAZ-{number}-{n}", strength=100, capabilities=("medical",))
            assert accord.handle(pledge, KAZ, AT).allowed

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    assert len(accord.world[UNITS]) == clients * commands
    accord.close()
    return clients * commands / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--commands", type=int, default=20, help="per client")
    args = parser.parse_args()
    rows = [("database", "one per command", "group commit", "ratio", "aim")]
    for name, url_of in (("SQLite", sqlite_url), ("PostgreSQL", postgres_schema)):
        figures = []
        for max_batch in (1, Settings().max_batch):
            with url_of() as url:
                figures.append(commands_per_second(url, max_batch, args.clients, args.commands))
        single, grouped = figures
        rows.append(
            (name, f"{single:,.0f}/s", f"{grouped:,.0f}/s", f"{grouped / single:.2f}x", ">= 2x")
        )
    print(f"Writes through the one writer: {args.clients} clients x {args.commands} commands")
    for line in table(rows):
        print(line)


if __name__ == "__main__":
    main()
