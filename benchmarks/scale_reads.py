"""Reads for bench_scale: a journal page of 100 (its SQL alone, and GET /journal through the
app with a token), and the full verification of a journal."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from fastapi.testclient import TestClient
from scale_startup import Place

from accord.adapters.db import make_engine
from accord.bootstrap import sql_accord
from accord.entrypoints.api import create_app
from accord.identity.repository import add_user, issue_token
from accord.journal.repository import SqlJournal, page_after
from accord.journal.verify import verify

PAGE, PAGE_RUNS = 100, 30


def median_ms(work: Callable[[], object], runs: int = PAGE_RUNS) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def page_figures(place: Place, count: int) -> tuple[float, float]:
    """(SQL page, GET /journal page) in ms: the slowest of the first, middle and last page."""
    afters = (0, count // 2, count - PAGE)
    engine = make_engine(place.url)
    with engine.connect() as connection:
        sql = max(median_ms(lambda a=a: page_after(connection, a, PAGE)) for a in afters)
    engine.dispose()
    accord = sql_accord(place.settings(snapshots=True))
    with accord.engine.begin() as connection:
        user = add_user(connection, f"bench-{time.time_ns()}", "secretariat", None)
        token = issue_token(connection, user.user_id)[1]
    with TestClient(create_app(accord=accord)) as client:
        headers = {"Authorization": f"Bearer {token}"}

        def get(after: int) -> None:
            answer = client.get(f"/journal?after={after}&limit={PAGE}", headers=headers)
            assert answer.status_code == 200, answer.text
            assert len(answer.json()) == PAGE

        api = max(median_ms(lambda a=a: get(a)) for a in afters)
    accord.close(final_snapshot=True)
    return sql, api


def verification_rate(url: str) -> float:
    engine = make_engine(url)
    began = time.perf_counter()
    result = verify(SqlJournal(engine).entries())
    seconds = time.perf_counter() - began
    engine.dispose()
    assert result.ok, result.problems[:3]
    return result.entries / seconds
