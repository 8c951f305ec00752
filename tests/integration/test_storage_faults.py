"""Storage faults lose no acknowledged write: every 201 is in the journal after a restart, and
while the fault lasts every write answers 503, never 201. (The harness is the crash test's.)

SQLite: the database's folder moved away (to the server exactly like `rm -r`, but it can be
put back to check the journal), the file replaced by a copy, the files made read-only (chmod:
the tests run as root, whom a chmod does not stop, so the guard reads the permission bits).
PostgreSQL: the server's connections terminated (pg_terminate_backend) mid-burst.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES
from tests.integration.test_crash_recovery import (
    adding_user,
    request_body,
    running_server,
    token_of,
    verification,
    whole_journal,
)

BEFORE = 12  # writes acknowledged before the fault
DURING = 5  # writes sent while it lasts: each must be refused
BURST_SECONDS = 20.0


def post(client: httpx.Client, key: str) -> httpx.Response:
    return client.post("/cases", json=request_body(key), headers={"Idempotency-Key": key})


def clients(base_url: str, *tokens: str) -> list[httpx.Client]:
    return [
        httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {t}"}, timeout=10.0)
        for t in tokens
    ]


def check_after_restart(
    env: dict[str, str],
    log: Path,
    tokens: tuple[str, str],
    acked: dict[str, int],
    refused: list[str],
) -> None:
    """Every acknowledged write at its seq, the chain intact, each refused one applied once."""
    with running_server(env, log) as server:
        staff, kaz = clients(server.base_url, *tokens)
        with staff, kaz:
            checked = verification(staff)
            assert checked["ok"], checked["problems"]
            by_seq = {entry["seq"]: entry for entry in whole_journal(staff)}
            for key, seq in acked.items():
                assert by_seq[seq]["payload"]["summary"] == request_body(key)["summary"], key
            for key in refused:
                first, second = post(kaz, key), post(kaz, key)
                assert (first.status_code, second.status_code) == (201, 201), first.text
                assert second.json()["replayed"] is True
                assert second.json()["journal_seq"] == first.json()["journal_seq"]
            assert verification(staff)["ok"]


def move_folder_away(path: Path) -> Callable[[], None]:
    aside = path.parent.with_name("moved-away")
    path.parent.rename(aside)
    return lambda: aside.rename(path.parent)


def replace_file(path: Path) -> Callable[[], None]:
    aside = path.with_name("original.db")
    path.rename(aside)
    shutil.copy(aside, path)
    return lambda: os.replace(aside, path)


def make_read_only(path: Path) -> Callable[[], None]:
    parts = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
    for part in parts:
        part.chmod(0o444)

    def repair() -> None:
        for part in parts:
            part.chmod(0o644)

    return repair


SQLITE_FAULTS = {
    "folder moved away": (move_folder_away, "was removed"),
    "file replaced": (replace_file, "was replaced by another file"),
    "files read-only": (make_read_only, "is read-only"),
}


@pytest.mark.parametrize("fault", SQLITE_FAULTS)
def test_a_sqlite_storage_fault_refuses_writes_and_loses_no_acknowledged_one(fault, tmp_path):
    apply, reason = SQLITE_FAULTS[fault]
    path = tmp_path / "data" / "accord.db"
    path.parent.mkdir()
    env = {**os.environ, "ACCORD_DATABASE_URL": f"sqlite:///{path}"}
    tokens = (
        token_of(adding_user(env, "secretariat-officer", "secretariat")),
        token_of(adding_user(env, "kaz-delegate", "delegation", "KAZ")),
    )
    log = tmp_path / "server.log"
    with running_server(env, log) as server:
        (kaz,) = clients(server.base_url, tokens[1])
        with kaz, ThreadPoolExecutor(4) as pool:
            keys = [f"before-{n}" for n in range(BEFORE)]
            answers = list(pool.map(lambda key: post(kaz, key), keys))
            assert [a.status_code for a in answers] == [201] * BEFORE
            acked = {key: a.json()["journal_seq"] for key, a in zip(keys, answers, strict=True)}
            repair = apply(path)
            try:
                refused = [f"during-{n}" for n in range(DURING)]
                during = [post(kaz, key) for key in refused]
                health = httpx.get(f"{server.base_url}/health", timeout=10.0)
            finally:
                repair()
            after = post(kaz, "after-repair")
    assert [a.status_code for a in during] == [503] * DURING, [a.text for a in during]
    assert all(a.json()["detail"].startswith("storage unavailable: ") for a in during)
    assert reason in during[0].json()["detail"]
    assert str(path.parent) in during[0].json()["detail"]
    assert health.status_code == 503
    assert reason in health.json()["detail"]
    assert after.status_code == 201, after.text  # repaired in place: the same file is back
    acked["after-repair"] = after.json()["journal_seq"]
    check_after_restart(env, log, tokens, acked, refused)


def test_postgres_connections_killed_mid_burst_answer_503_and_lose_no_acknowledged_write(
    postgres_url, tmp_path
):
    name = f"accord_fault_{secrets.token_hex(4)}"
    env = {**os.environ, "ACCORD_DATABASE_URL": f"{postgres_url}&application_name={name}"}
    tokens = (
        token_of(adding_user(env, "secretariat-officer", "secretariat")),
        token_of(adding_user(env, "kaz-delegate", "delegation", "KAZ")),
    )
    admin = create_engine(POSTGRES)
    answers: dict[str, int] = {}
    acked: dict[str, int] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def writer(base_url: str, number: int) -> None:
        (kaz,) = clients(base_url, tokens[1])
        with kaz:
            for n in range(60):
                if stop.is_set():
                    return
                key = f"pg-{number}-{n}"
                answer = post(kaz, key)
                with lock:
                    answers[key] = answer.status_code
                    if answer.status_code == 201:
                        acked[key] = answer.json()["journal_seq"]

    def kill_backends() -> int:
        with admin.begin() as connection:
            return int(
                connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        "WHERE application_name = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                ).scalar()
                or 0
            )

    log = tmp_path / "server.log"
    try:
        with running_server(env, log) as server:
            threads = [
                threading.Thread(target=writer, args=(server.base_url, n), daemon=True)
                for n in range(4)
            ]
            for thread in threads:
                thread.start()
            killed = []
            deadline = time.monotonic() + BURST_SECONDS
            for _ in range(4):
                while len(acked) < 10 * (len(killed) + 1) and time.monotonic() < deadline:
                    time.sleep(0.02)
                killed.append(kill_backends())
            time.sleep(0.5)
            stop.set()
            for thread in threads:
                thread.join(timeout=30)
            still_up = httpx.get(f"{server.base_url}/health", timeout=10.0).status_code
    finally:
        admin.dispose()
    refused = [key for key, status in answers.items() if status == 503]
    unexpected = {key: status for key, status in answers.items() if status not in (201, 503)}
    assert not unexpected, unexpected
    assert sum(killed) > 0, "no connection of the server was terminated"
    assert refused, f"no write was cut off by the {sum(killed)} terminated connections"
    assert still_up == 200  # the pool reconnects: the fault repairs itself
    check_after_restart(env, log, tokens, acked, refused)
