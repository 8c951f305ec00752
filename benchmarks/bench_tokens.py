"""Timing: what identifying the caller costs per request, on SQLite and on PostgreSQL.

Run with ``python -m benchmarks.bench_tokens [--requests N]``. In one process, on a fresh
SQLite file and a fresh PostgreSQL schema (created and dropped here), with one user and token:

* the uncached lookup, as every request made it before the token cache: a connection from the
  pool and ``principal_for_token``;
* the token cache's lookup (``TokenCache.principal``), when the module exists;
* ``GET /me`` (needs the token) beside ``GET /health`` (does not) through Starlette's
  TestClient: the difference is what authenticating costs a request end to end.

Each figure is the median of five rounds, in microseconds per call: wall and CPU time.
Not a test: a measurement.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.report import table
from tests.load.servers import postgres_schema

ROUNDS = 5


def per_call_us(call: Callable[[], Any], count: int) -> tuple[float, float]:
    """The median over ROUNDS of the mean wall time and the mean CPU time of this process per
    ``call`` (µs), after a warm-up. CPU time says more on a shared machine: others' load
    stretches the wall time, not it (but it leaves out the database server's own work)."""
    for _ in range(min(count, 200)):
        call()
    wall, cpu = [], []
    for _ in range(ROUNDS):
        began, began_cpu = time.perf_counter(), time.process_time()
        for _ in range(count):
            call()
        wall.append((time.perf_counter() - began) / count * 1e6)
        cpu.append((time.process_time() - began_cpu) / count * 1e6)
    return statistics.median(wall), statistics.median(cpu)


def cells(label: str, figure: tuple[float, float]) -> tuple[str, str, str]:
    return label, f"{figure[0]:.1f}", f"{figure[1]:.1f}"


def figures(label: str, database_url: str, count: int) -> list[tuple[str, ...]]:
    from fastapi.testclient import TestClient

    from accord.bootstrap import sql_accord
    from accord.config import Settings
    from accord.entrypoints.api import create_app
    from accord.identity.repository import add_user, issue_token, principal_for_token

    accord = sql_accord(Settings(database_url=database_url))
    with accord.engine.begin() as connection:
        user = add_user(connection, "bench-analyst", "analyst")
        token = issue_token(connection, user.user_id)[1]

    def uncached() -> Any:
        with accord.engine.connect() as connection:
            return principal_for_token(connection, token)

    rows = [cells(f"{label}: uncached lookup", per_call_us(uncached, count))]
    cache = getattr(accord, "tokens", None)
    if cache is not None:
        rows.append(
            cells(
                f"{label}: TokenCache.principal", per_call_us(lambda: cache.principal(token), count)
            )
        )
    client = TestClient(create_app(accord=accord))
    headers = {"Authorization": f"Bearer {token}"}
    me = per_call_us(lambda: client.get("/me", headers=headers), count // 4)
    health = per_call_us(lambda: client.get("/health"), count // 4)
    difference = (me[0] - health[0], me[1] - health[1])
    rows += [
        cells(f"{label}: GET /me", me),
        cells(f"{label}: GET /health", health),
        cells(f"{label}: /me - /health", difference),
    ]
    client.close()
    if cache is not None:
        cache.close()
    accord.engine.dispose()
    return rows


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000)
    options = parser.parse_args()
    rows: list[tuple[str, ...]] = [("figure", "wall µs/call", "CPU µs/call")]
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as folder:
        rows += figures("SQLite", f"sqlite:///{folder}/accord.db", options.requests)
    with postgres_schema() as url:
        rows += figures("PostgreSQL", url, options.requests)
    for line in table(rows):
        print(line)


if __name__ == "__main__":
    main()
