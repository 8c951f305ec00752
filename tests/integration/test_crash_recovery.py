"""A crash of the API server loses no acknowledged command and breaks no chain.

`accord serve` runs as a subprocess on a fresh database. Several threads send a burst of
Art. 2 requests by KAZ, each with its own Idempotency-Key; after some acknowledgements, while
requests are in flight, the server is killed with SIGKILL. On restart over the same database
the journal verifies, every acknowledged command is in it at the seq it was acknowledged with,
and retrying it with its key replays that entry instead of applying it again.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

WRITERS = 6  # client threads in the burst
KILL_AFTER = 30  # acknowledgements before SIGKILL
BURST_LIMIT = 400  # requests at most in one burst, whatever happens
BURST_SECONDS = 20.0  # and at most this long
START_SECONDS = 90.0  # for `accord serve` to answer GET /health (slow on a busy machine)


def accord_command() -> list[str]:
    """The `accord` script of the running interpreter's environment."""
    script = Path(sys.executable).with_name("accord")
    if script.exists():
        return [str(script)]
    found = shutil.which("accord")
    assert found, "the accord command is not installed"
    return [found]


def adding_user(env: dict[str, str], name: str, role: str, state: str | None = None) -> Any:
    """`accord users add` started; ``token_of`` waits for it and reads the token it printed."""
    args = [*accord_command(), "users", "add", name, "--role", role]
    if state:
        args += ["--state", state]
    return subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def token_of(adding: subprocess.Popen[str]) -> str:
    stdout, stderr = adding.communicate(timeout=60)
    assert adding.returncode == 0, stderr
    token = re.search(r"^token: (acc_\S+)$", stdout, re.MULTILINE)
    assert token, stdout
    return token.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def running_server(env: dict[str, str], log: Path) -> Iterator[Server]:
    """`accord serve` on a free port, up once GET /health answers; killed on the way out."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*accord_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert process.poll() is None, f"accord serve exited:\n{log.read_text()}"
            try:
                if httpx.get(f"{server.base_url}/health", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"accord serve did not start:\n{log.read_text()}"
            time.sleep(0.05)
        yield server
    finally:
        server.kill()


def request_body(key: str) -> dict[str, Any]:
    return {"article": "CST-2", "where": "KAZ", "summary": f"burst request {key}"}


@dataclass
class Burst:
    acknowledged: dict[str, int] = field(default_factory=dict)  # key -> journal_seq
    in_flight: list[str] = field(default_factory=list)  # sent, no answer before the kill
    unsent: list[str] = field(default_factory=list)  # refused connection: never reached it
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    enough: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    sent: int = 0

    def next_key(self, writer: int) -> str | None:
        with self.lock:
            if self.stop.is_set() or self.sent >= BURST_LIMIT:
                return None
            self.sent += 1
            return f"crash-{writer}-{self.sent}"


def writer(server: Server, token: str, number: int, burst: Burst) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=10.0) as client:
        while (key := burst.next_key(number)) is not None:
            try:
                answer = client.post(
                    "/cases", json=request_body(key), headers={"Idempotency-Key": key}
                )
            except httpx.ConnectError:
                with burst.lock:
                    burst.unsent.append(key)
                return
            except httpx.TransportError:
                with burst.lock:
                    burst.in_flight.append(key)
                return
            with burst.lock:
                if answer.status_code == 201 and answer.json()["replayed"] is False:
                    burst.acknowledged[key] = answer.json()["journal_seq"]
                    if len(burst.acknowledged) >= KILL_AFTER:
                        burst.enough.set()
                else:
                    burst.unexpected.append(f"{key}: {answer.status_code} {answer.text}")


def burst_then_kill(server: Server, token: str) -> Burst:
    """Writers post until KILL_AFTER acknowledgements, then SIGKILL with requests in flight."""
    burst = Burst()
    threads = [
        threading.Thread(target=writer, args=(server, token, n, burst), daemon=True)
        for n in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    try:
        assert burst.enough.wait(BURST_SECONDS), f"too few acknowledged: {burst}"
        server.kill()
    finally:
        burst.stop.set()
        for thread in threads:
            thread.join(timeout=15)
    assert not any(thread.is_alive() for thread in threads)
    return burst


def whole_journal(client: httpx.Client) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    while True:
        page = client.get("/journal", params={"after": len(entries), "limit": 1000})
        assert page.status_code == 200, page.text
        if not page.json():
            return entries
        entries += page.json()


def verification(client: httpx.Client) -> dict[str, Any]:
    answer = client.get("/journal/verification", params={"wait": 60})
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def crash_and_recover(database_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "ACCORD_DATABASE_URL": database_url}
    # The first `users add` creates the schema; the second runs while the server starts.
    kaz = token_of(adding_user(env, "kaz-delegate", "delegation", "KAZ"))
    adding_secretariat = adding_user(env, "secretariat-officer", "secretariat")
    log = tmp_path / "server.log"

    with running_server(env, log) as server:
        burst = burst_then_kill(server, kaz)
    secretariat = token_of(adding_secretariat)
    assert server.process.returncode == -signal.SIGKILL
    assert not burst.unexpected, burst.unexpected
    assert len(burst.acknowledged) >= KILL_AFTER
    assert burst.in_flight, "the server was killed with no request in flight"
    assert len(set(burst.acknowledged.values())) == len(burst.acknowledged)

    with running_server(env, log) as server:
        staff = httpx.Client(
            base_url=server.base_url,
            headers={"Authorization": f"Bearer {secretariat}"},
            timeout=10.0,
        )
        delegation = httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {kaz}"}, timeout=10.0
        )
        with staff, delegation:
            checked = verification(staff)
            assert checked["ok"], checked["problems"]
            assert checked["entries"] >= max(burst.acknowledged.values())

            by_seq = {entry["seq"]: entry for entry in whole_journal(staff)}
            assert sorted(by_seq) == list(range(1, checked["entries"] + 1))
            for key, seq in burst.acknowledged.items():
                entry = by_seq[seq]
                assert (entry["command"], entry["actor"], entry["allowed"]) == (
                    "file_request",
                    "KAZ",
                    True,
                )
                assert entry["payload"]["summary"] == request_body(key)["summary"]
                assert entry["payload"]["article"] == "CST-2"

            def retry(key: str) -> dict[str, Any]:
                answer = delegation.post(
                    "/cases", json=request_body(key), headers={"Idempotency-Key": key}
                )
                assert answer.status_code == 201, answer.text
                result: dict[str, Any] = answer.json()
                return result

            for key, seq in burst.acknowledged.items():
                again = retry(key)
                assert (again["replayed"], again["journal_seq"]) == (True, seq), key
            assert verification(staff)["entries"] == checked["entries"]

            # A request cut off by the kill was applied once or not at all: its retry either
            # replays the entry written before the crash or applies it now, and only once.
            for key in burst.in_flight:
                first, second = retry(key), retry(key)
                assert second["replayed"] is True
                assert second["journal_seq"] == first["journal_seq"]
                entry = whole_journal(staff)[second["journal_seq"] - 1]
                assert entry["payload"]["summary"] == request_body(key)["summary"]
            final = verification(staff)
            assert final["ok"], final["problems"]


def test_a_sqlite_server_killed_mid_burst_keeps_every_acknowledged_command(sqlite_url, tmp_path):
    crash_and_recover(sqlite_url, tmp_path)


def test_a_postgres_server_killed_mid_burst_keeps_every_acknowledged_command(
    postgres_url, tmp_path
):
    crash_and_recover(postgres_url, tmp_path)
