"""Journals of many entries for bench_scale, generated through the bus and cached.

Every command goes through a running Accord's writer and bus, as the API would send it: the
handler asks the rules, the entry is journaled and every context's tables are written; only the
group commit is larger (``BATCH`` commands a transaction) to keep generation to a minute or two.
The mix: bench_bus's crises of 2022 (requests, sessions, drafts, every member's position,
closings, UN notices, deployments, withdrawals, case closings; with refusals), one starting
every 40 minutes, and beside each a unit pledged by a member: 12.3 entries per crisis.

Generated once per ``GENERATOR`` and schema revision, then kept under the temporary folder:
SQLite files, and a pg_dump of the PostgreSQL one (restored into a fresh schema on each run).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from bench_bus import MEMBERS, TZ, Crisis, Planned, blocked, kazakhstan_like, restricted
from sqlalchemy import create_engine, text

from accord.adapters.migrate import alembic_config
from accord.backup import postgres
from accord.bootstrap import database_engine, sql_accord
from accord.config import Settings
from accord.rules.charter import Charter
from accord.service.actors import resolve_actor
from accord.service.bus import MessageBus
from accord.simulation.scenario import Step
from accord.simulation.verbs import build_command

#: Raise when the mix changes: cached journals of another generator are not used.
GENERATOR = 1
BATCH = 500
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "accord_bench_scale"


def cache_folder() -> Path:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    folder = Path(tempfile.gettempdir()) / "accord-bench-scale" / f"g{GENERATOR}-r{revision}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def plan(charter: Charter, count: int, start: dt.datetime, tag: str = "") -> list[Planned]:
    """``count`` steps of overlapping crises from ``start``, each with a pledge beside it."""
    steps: list[Planned] = []
    i = 0
    while len(steps) < count:
        crisis = Crisis(charter, MEMBERS[i % len(MEMBERS)], start, f"{tag}_{i}")
        if i % 5 == 1:
            steps += blocked(crisis, start + dt.timedelta(minutes=1))
        elif i % 5 == 3:
            steps += restricted(crisis, start + dt.timedelta(minutes=1))
        else:
            steps += kazakhstan_like(crisis, start.date())
        state = MEMBERS[(i + 2) % len(MEMBERS)]
        pledge = {"unit": f"{state}-BN{tag}-{i}", "strength": 100 + i % 400}
        pledge["capabilities"] = ["motorised_infantry"]
        steps.append(Planned(start + dt.timedelta(minutes=5), state, "pledge_unit", pledge, None))
        start += dt.timedelta(minutes=40)
        i += 1
    steps.sort(key=lambda planned: planned.at)  # stable: each crisis keeps its order
    assert steps[count - 1].at.date() < dt.date(2022, 11, 24), "the chair changes on 2022-11-24"
    return steps[:count]


def send(accord: Any, steps: Sequence[Planned]) -> None:
    """Each step through the writer and the bus, ``BATCH`` to a transaction."""
    names: dict[str, str] = {}
    for first in range(0, len(steps), BATCH):
        chunk = list(enumerate(steps[first : first + BATCH], start=first + 1))
        accord.writer.call(lambda bus, chunk=chunk: [_send(bus, *s, names) for s in chunk])


def _send(bus: MessageBus, number: int, planned: Planned, names: dict[str, str]) -> None:
    step = Step(number, planned.at, planned.by, planned.do, planned.given, planned.name, {})
    command = build_command(step, names)
    actor = resolve_actor(bus.uow.world, planned.by or "", planned.at.date())
    result = bus.handle_within(command, actor, planned.at)
    expected = planned.expect.get("allowed")
    if expected is not None and expected != result.allowed:
        raise SystemExit(f"step {number} ({planned.do} by {planned.by}): not {expected}")
    if planned.name and result.allowed and result.created:
        names[planned.name] = next(iter(result.created.values()))


START = dt.datetime(2022, 1, 3, 8, tzinfo=TZ)


def generate(url: str, charter: Charter, count: int) -> None:
    accord = sql_accord(Settings(database_url=url, snapshot_every=0))
    try:
        send(accord, plan(charter, count, START))
    finally:
        accord.close()


def cached_sqlite(charter: Charter, count: int) -> Path:
    """A SQLite file whose journal holds ``count`` entries (generated on the first run)."""
    path = cache_folder() / f"journal-{count}.db"
    if not path.exists():
        partial = path.with_name(f"{path.name}.partial")
        for stale in partial.parent.glob(f"{partial.name}*"):
            stale.unlink()
        print(f"generating {count:,} entries through the bus into {path} (once)", flush=True)
        generate(f"sqlite:///{partial}", charter, count)
        partial.rename(path)  # closed: its WAL was checkpointed into it
    return path


def working_copy(path: Path, folder: Path) -> str:
    """A copy of a cached file to write on; its URL."""
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return f"sqlite:///{copy}"


@contextmanager
def cached_postgres(charter: Charter, count: int) -> Iterator[str]:
    """A fresh schema whose journal holds ``count`` entries: restored from the cached dump
    (made the first time by generating them), dropped afterwards."""
    dump = cache_folder() / f"journal-{count}.pgdump"
    url = f"{POSTGRES}?options=-csearch_path%3D{SCHEMA}"
    admin = create_engine(POSTGRES)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{SCHEMA}"'))
        engine = database_engine(Settings(database_url=url))
        if dump.exists():
            postgres.restore(dump, engine)
        else:
            print(f"generating {count:,} entries through the bus on PostgreSQL (once)", flush=True)
            generate(url, charter, count)
            postgres.backup(engine, dump)
        engine.dispose()
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE'))
        admin.dispose()
