"""Server subprocesses on loopback: `accord serve` on a database, or the bare endpoint."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]  # the repository: `python -m tests.load.bare` runs there
HOST = "127.0.0.1"  # loopback only: nothing here listens on or calls another address
START_SECONDS = 60.0
POSTGRES = os.environ.get(
    "ACCORD_LOAD_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def accord_command() -> list[str]:
    """The installed `accord` script beside this interpreter (as a user runs it)."""
    script = Path(sys.executable).with_name("accord")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from accord.entrypoints.cli import main; main()"]


def accord_env(
    database_url: str, folder: Path, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """The environment of every `accord` subprocess on one database; event data in ``folder``
    (never the user's data directory)."""
    return {
        **os.environ,
        "ACCORD_DATABASE_URL": database_url,
        "ACCORD_EVENTS_URL": str(folder / "events.duckdb"),
        **(extra or {}),
    }


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def running(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """A server subprocess on a free port, up once GET /health answers; stopped on the way out
    (SIGTERM, then SIGKILL after 10 s), so no run outlives its caller."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*args, "--host", HOST, "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, f"http://{HOST}:{port}", log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _answers(server):
            if process.poll() is not None:
                raise RuntimeError(f"the server exited:\n{server.log_text()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start:\n{server.log_text()}")
            time.sleep(0.05)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _answers(server: Server) -> bool:
    try:
        return httpx.get(f"{server.url}/health", timeout=1.0).status_code == 200
    except httpx.TransportError:
        return False


def bare_command() -> list[str]:
    return [sys.executable, "-m", "tests.load.bare"]


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema on the PostgreSQL server on loopback, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"accord_load_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
