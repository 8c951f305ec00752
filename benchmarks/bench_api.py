"""Benchmark: the REST API under load on loopback, beside a bare FastAPI endpoint.

Run with ``make bench-api`` (or ``python benchmarks/bench_api.py``). It starts ``accord serve``
(uvicorn, one process) on a fresh SQLite file, then on a fresh PostgreSQL schema (created and
dropped here), seeds a case, a session and drafts through the API, and measures with
``CLIENTS`` concurrent clients, each figure bounded by ``SECONDS`` or a count of requests,
whichever comes first, after a short warm-up:

* a read view: ``GET /cases/{id}`` with a delegation's token;
* a command: ``state_position`` (``POST /drafts/{id}/positions``), each with its own
  Idempotency-Key. A state states its position once per draft, so drafts are tabled through the
  API beforehand, one for every six positions (the six members of 2026 each state one);
* the framework's ceiling: a tiny FastAPI app defined here (``GET`` returning a small JSON, a
  plain ``def`` like Accord's routes, and an ``async def`` too), served by uvicorn the same way.

The aims (issue 11): reads at least 80 % of the bare endpoint's throughput on SQLite and 60 % on
PostgreSQL; the p99 latency of reads and of writes each at most twice the bare endpoint's p99,
same clients, same run. The load generator runs in this process, on loopback
only: threads with one keep-alive ``httpx.Client`` each by default (``--client asyncio`` for
tasks with ``httpx.AsyncClient``, which costs more CPU per request on a 2-core machine). The
server's CPU time per request is printed beside the throughput: on 2 cores a Python load
generator can hardly saturate a bare endpoint, so that figure, which does not depend on the
generator keeping up, is compared with the bare endpoint's too.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from report import table

CLIENTS = 32
SECONDS = 3.0  # per figure, at most
READ_LIMIT = 30_000  # requests per read figure, at most
WRITE_LIMIT = 3_000  # requests per write figure, at most (positions need drafts)
WARMUP_SECONDS = 0.5
WARMUP_LIMIT = 300
READ_AIMS = {"SQLite": 0.8, "PostgreSQL": 0.6}  # of the bare endpoint's requests/s
P99_AIM = 2.0  # times the bare endpoint's p99, for reads and for writes
START_SECONDS = 60.0
POSTGRES = os.environ.get(
    "ACCORD_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")  # in 2026
HOST = "127.0.0.1"
THREADS_NOTE = (
    " (threads rather than asyncio: httpx.AsyncClient spends more CPU per request, and the"
    " generator shares 2 cores with the server; --client asyncio to compare)"
)


# -- the bare endpoint ---------------------------------------------------------------------------


def bare_app() -> Any:
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bare")
    def bare() -> dict[str, Any]:
        return {"id": "case-1", "stage": "consultations", "members": list(MEMBERS)}

    @app.get("/bare-async")
    async def bare_async() -> dict[str, Any]:
        return {"id": "case-1", "stage": "consultations", "members": list(MEMBERS)}

    return app


def serve_bare(port: int) -> None:
    """The bare app served as `accord serve` serves Accord's (uvicorn.run, one process)."""
    import uvicorn

    uvicorn.run(bare_app(), host=HOST, port=port, log_level="warning")


# -- servers -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def accord_command() -> list[str]:
    script = Path(sys.executable).with_name("accord")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from accord.entrypoints.cli import main; main()"]


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def cpu_seconds(self) -> float:
        """User and system CPU time of the server process so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def running(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """A server subprocess on a free port, up once GET /health answers; stopped on the way out."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*args, "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    server = Server(process, f"http://{HOST}:{port}", log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the server exited:\n{log.read_text()}")
            try:
                if httpx.get(f"{server.url}/health", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log.read_text()}")
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


# -- the load generator --------------------------------------------------------------------------

#: One request: method, path, headers, JSON body (or None).
Spec = tuple[str, str, dict[str, str], dict[str, Any] | None]


@dataclass
class Figure:
    name: str
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    client_cpu: float = 0.0  # cores
    server_cpu: float = 0.0  # cores

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def server_ms(self) -> float:
        """Server CPU per request (ms): what the server could do if it had a core to itself."""
        return 1000 * self.server_cpu / self.per_second if self.requests else math.nan

    @property
    def client_ms(self) -> float:
        return 1000 * self.client_cpu / self.per_second if self.requests else math.nan

    def percentile_ms(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return math.nan
        return 1000 * ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@contextmanager
def timing(figure: Figure, server: Server) -> Iterator[None]:
    """The figure's duration, and the CPU the load generator and the server used meanwhile."""
    started_cpu, started_server = time.process_time(), server.cpu_seconds()
    started = time.perf_counter()
    yield
    figure.seconds = time.perf_counter() - started
    figure.client_cpu = (time.process_time() - started_cpu) / figure.seconds
    figure.server_cpu = (server.cpu_seconds() - started_server) / figure.seconds
    figure.requests = len(figure.latencies)


class Load:
    """CLIENTS concurrent clients, each on one keep-alive connection, in a closed loop.

    The clients are made before the clock starts and kept for the warm-up and the figure (an
    httpx client builds an SSL context when it is made, which costs more than many requests).
    """

    def __init__(self, kind: str, clients: int) -> None:
        self.kind, self.clients = kind, clients
        self.tls = ssl.create_default_context()  # one for all clients (the URLs are http)

    def describe(self) -> str:
        if self.kind == "threads":
            return f"{self.clients} threads, each with its own httpx.Client (keep-alive)"
        return f"{self.clients} asyncio tasks, each with its own httpx.AsyncClient (keep-alive)"

    def measure(
        self,
        name: str,
        server: Server,
        spec: Callable[[int], Spec],
        expect: int,
        limit: int,
        seconds: float = SECONDS,
    ) -> Figure:
        """A warm-up, then the figure: until ``seconds`` pass or ``limit`` requests are sent."""
        counter = itertools.count()
        warm = min(WARMUP_LIMIT, limit // 10)
        phases = [
            (Figure("warm-up"), warm, WARMUP_SECONDS),
            (Figure(name), warm + limit, seconds),
        ]
        if self.kind == "threads":
            clients = [
                httpx.Client(base_url=server.url, timeout=30.0, verify=self.tls)
                for _ in range(self.clients)
            ]
            try:
                for figure, until, duration in phases:
                    with timing(figure, server):
                        self._threads(clients, figure, spec, expect, counter, until, duration)
            finally:
                for client in clients:
                    client.close()
        else:
            asyncio.run(self._async_phases(phases, server, spec, expect, counter))
        return phases[-1][0]

    @staticmethod
    def _threads(
        clients: list[httpx.Client],
        figure: Figure,
        spec: Callable[[int], Spec],
        expect: int,
        counter: Iterator[int],
        limit: int,
        seconds: float,
    ) -> None:
        lock = threading.Lock()
        deadline = time.perf_counter() + seconds

        def client_loop(client: httpx.Client) -> None:
            latencies, errors = [], []
            clock = time.perf_counter
            while clock() < deadline and (i := next(counter)) < limit:
                method, path, headers, body = spec(i)
                began = clock()
                answer = client.request(method, path, headers=headers, json=body)
                latencies.append(clock() - began)
                if answer.status_code != expect:
                    errors.append(f"{answer.status_code} {answer.text[:200]}")
            with lock:
                figure.latencies += latencies
                figure.errors += errors

        threads = [threading.Thread(target=client_loop, args=(client,)) for client in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    async def _async_phases(
        self,
        phases: list[tuple[Figure, int, float]],
        server: Server,
        spec: Callable[[int], Spec],
        expect: int,
        counter: Iterator[int],
    ) -> None:
        clients = [
            httpx.AsyncClient(base_url=server.url, timeout=30.0, verify=self.tls)
            for _ in range(self.clients)
        ]
        try:
            for figure, limit, seconds in phases:
                with timing(figure, server):
                    await self._tasks(clients, figure, spec, expect, counter, limit, seconds)
        finally:
            for client in clients:
                await client.aclose()

    @staticmethod
    async def _tasks(
        clients: list[httpx.AsyncClient],
        figure: Figure,
        spec: Callable[[int], Spec],
        expect: int,
        counter: Iterator[int],
        limit: int,
        seconds: float,
    ) -> None:
        deadline = time.perf_counter() + seconds

        async def client_loop(client: httpx.AsyncClient) -> None:
            clock = time.perf_counter
            while clock() < deadline and (i := next(counter)) < limit:
                method, path, headers, body = spec(i)
                began = clock()
                answer = await client.request(method, path, headers=headers, json=body)
                figure.latencies.append(clock() - began)
                if answer.status_code != expect:
                    figure.errors.append(f"{answer.status_code} {answer.text[:200]}")

        await asyncio.gather(*(client_loop(client) for client in clients))


# -- Accord on a database ------------------------------------------------------------------------


def bearer(token: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **extra}


def users(database_url: str) -> dict[str, str]:
    """The schema brought up to date, a Secretariat officer and one delegation per member."""
    from accord.bootstrap import database_engine
    from accord.config import Settings
    from accord.identity.repository import add_user, issue_token

    engine = database_engine(Settings(database_url=database_url))
    tokens: dict[str, str] = {}
    try:
        with engine.begin() as connection:
            officer = add_user(connection, "bench-secretariat", "secretariat")
            tokens["secretariat"] = issue_token(connection, officer.user_id)[1]
            for state in MEMBERS:
                delegation = add_user(connection, f"bench-{state.lower()}", "delegation", state)
                tokens[state] = issue_token(connection, delegation.user_id)[1]
    finally:
        engine.dispose()
    return tokens


def post(client: httpx.Client, path: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(path, json=body, headers=bearer(token))
    if answer.status_code != 201:
        raise SystemExit(f"seeding failed: POST {path}: {answer.status_code} {answer.text}")
    result: dict[str, Any] = answer.json()
    return result


def seed(server: Server, tokens: dict[str, str], drafts: int) -> tuple[str, list[str]]:
    """A case (Art. 2, KAZ), a session about it and ``drafts`` drafts: (case id, draft ids)."""
    with httpx.Client(base_url=server.url, timeout=30.0) as client:
        case = post(
            client,
            "/cases",
            tokens["KAZ"],
            {"article": "CST-2", "where": "KAZ", "summary": "benchmark consultations"},
        )["created"]["case"]
        session = post(
            client,
            "/sessions",
            tokens["secretariat"],
            {"body": "CSC", "extraordinary": True, "format": "video", "about": case},
        )["created"]["session"]
        draft_ids = [
            post(
                client,
                f"/sessions/{session}/drafts",
                tokens["secretariat"],
                {"kind": "statement", "case": case, "text": f"statement {n}"},
            )["created"]["draft"]
            for n in range(drafts)
        ]
    return case, draft_ids


def verified(server: Server, token: str) -> str:
    """The journal's full verification, run by the server in the background (waited for)."""
    answer = httpx.get(
        f"{server.url}/journal/verification",
        params={"wait": 110},
        headers=bearer(token),
        timeout=120,
    )
    result = answer.json()
    return f"{result['entries']} entries, {'ok' if result['ok'] else 'BROKEN'}"


def bench_accord(
    label: str, database_url: str, load: Load, folder: Path
) -> tuple[Figure, Figure, str]:
    """The read and the write figure of ``accord serve`` on ``database_url``."""
    tokens = users(database_url)
    env = {**os.environ, "ACCORD_DATABASE_URL": database_url}
    args = [*accord_command(), "serve", "--host", HOST]
    with running(args, folder / f"accord-{label}.log", env) as server:
        warm = min(WARMUP_LIMIT, WRITE_LIMIT // 10)
        started = time.perf_counter()
        case, draft_ids = seed(server, tokens, math.ceil((warm + WRITE_LIMIT) / len(MEMBERS)))
        seeding = time.perf_counter() - started
        print(
            f"  {label}: seeded {case}, a session and {len(draft_ids)} drafts through the API "
            f"in {seeding:.1f} s",
            flush=True,
        )
        read_headers = bearer(tokens["KAZ"])

        def read(_: int) -> Spec:
            return "GET", f"/cases/{case}", read_headers, None

        reads = load.measure(f"{label}: GET /cases/{{id}}", server, read, 200, READ_LIMIT)
        print(f"  {label}: reads done", flush=True)
        run = secrets.token_hex(4)
        position_headers = {state: bearer(tokens[state]) for state in MEMBERS}

        def write(i: int) -> Spec:
            draft, state = draft_ids[i // len(MEMBERS)], MEMBERS[i % len(MEMBERS)]
            headers = {**position_headers[state], "Idempotency-Key": f"bench-{run}-{i}"}
            return "POST", f"/drafts/{draft}/positions", headers, {"position": "support"}

        writes = load.measure(
            f"{label}: POST /drafts/{{id}}/positions", server, write, 201, WRITE_LIMIT
        )
        check = verified(server, tokens["secretariat"])
    return reads, writes, check


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    """A fresh schema on PostgreSQL, dropped afterwards; None when no server answers."""
    from sqlalchemy import create_engine, text

    schema = f"accord_bench_{secrets.token_hex(6)}"
    admin = create_engine(POSTGRES)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        admin.dispose()
        print(f"  PostgreSQL not reachable at {POSTGRES}: {error}")
        yield None
        return
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# -- the report ----------------------------------------------------------------------------------


def row(figure: Figure, bare: Figure | None) -> tuple[str, ...]:
    return (
        figure.name,
        f"{figure.requests}",
        f"{figure.per_second:,.0f}",
        f"{figure.percentile_ms(0.50):.1f}",
        f"{figure.percentile_ms(0.99):.1f}",
        f"{bare.per_second:,.0f}" if bare else "",
        f"{figure.per_second / bare.per_second:.2f}" if bare else "",
        f"{figure.server_ms:.2f}",
        f"{bare.server_ms / figure.server_ms:.2f}" if bare else "",
        f"{figure.server_cpu:.2f}",
        f"{figure.client_ms:.2f}",
        f"{len(figure.errors)}",
    )


HEADER = (
    "figure",
    "requests",
    "req/s",
    "p50 ms",
    "p99 ms",
    "bare req/s",
    "ratio",
    "server ms/req",
    "ratio",
    "server cores",
    "client ms/req",
    "errors",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", choices=["threads", "asyncio"], default="threads")
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.bare_server:
        serve_bare(options.port)
        return 0

    load = Load(options.client, options.clients)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; load generator: "
        f"{load.describe()}, on loopback{THREADS_NOTE if options.client == 'threads' else ''}; "
        f"each figure: {SECONDS:.0f} s or its request limit (reads {READ_LIMIT:,}, writes "
        f"{WRITE_LIMIT:,}), whichever first, after a warm-up of {WARMUP_SECONDS} s or "
        f"{WARMUP_LIMIT} requests",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp)
        bare_args = [sys.executable, str(Path(__file__).resolve()), "--bare-server"]
        with running(bare_args, folder / "bare.log") as bare_server:
            bare = load.measure("bare FastAPI: GET (def)", bare_server, bare_spec, 200, READ_LIMIT)
            bare_async = load.measure(
                "bare FastAPI: GET (async def)", bare_server, bare_async_spec, 200, READ_LIMIT
            )
        print("  bare endpoint done", flush=True)

        results: list[tuple[str, Figure, Figure, str]] = []
        sqlite_url = f"sqlite:///{folder / 'accord.db'}"
        results.append(("SQLite", *bench_accord("SQLite", sqlite_url, load, folder)))
        if not options.no_postgres:
            with postgres_schema() as postgres_url:
                if postgres_url is not None:
                    results.append(
                        ("PostgreSQL", *bench_accord("PostgreSQL", postgres_url, load, folder))
                    )

    print()
    rows: list[tuple[str, ...]] = [HEADER, row(bare, None), row(bare_async, None)]
    for _, reads, writes, _ in results:
        rows += [row(reads, bare), row(writes, bare)]
    for line in table(rows):
        print(line)
    print(
        f"""
bare: the bare endpoint (plain def, as Accord's routes) beside each figure; ratio: the figure's
  req/s over the bare endpoint's; then server ms/req, the server's CPU time per request, and its
  ratio (bare's ms/req over the figure's): the share of the bare endpoint's capacity, which
  does not depend on the load generator keeping up. server cores: 1.00 = one core busy (the
  server is one process); client ms/req: the load generator's CPU per request. When the client
  uses a core or more and the server less, the load generator, not the server, set the pace.
latency: {load.clients} clients in a closed loop, so mean latency = {load.clients} / throughput
  (Little's law): a figure slower than the bare endpoint cannot have its mean latency, and its
  p99 follows.
writes: state_position by the six members in turn, each with its own Idempotency-Key; the
  drafts (kind statement, about the seeded case) were tabled through the API beforehand, one
  per {len(MEMBERS)} positions, since a state states its position once per draft."""
    )
    for label, _, _, check in results:
        print(f"journal after the run on {label}: {check}")

    print("\naims:")
    bare_p99 = bare.percentile_ms(0.99)
    for label, reads, writes, _ in results:
        aim = READ_AIMS[label]
        share = reads.per_second / bare.per_second
        capacity = bare.server_ms / reads.server_ms
        print(
            f"  reads on {label} >= {aim:.0%} of the bare endpoint's throughput: "
            f"{share:.0%} ({reads.per_second:,.0f} vs {bare.per_second:,.0f} req/s): "
            f"{verdict(share >= aim)}; by server CPU per request: {capacity:.0%} "
            f"({reads.server_ms:.2f} vs {bare.server_ms:.2f} ms): {verdict(capacity >= aim)}"
        )
        for kind, figure in (("reads", reads), ("writes", writes)):
            p99 = figure.percentile_ms(0.99)
            print(
                f"  p99 of {kind} on {label} <= {P99_AIM:.0f}x the bare endpoint's "
                f"({bare_p99:.1f} ms) at {load.clients} clients: {p99:.1f} ms, "
                f"{p99 / bare_p99:.1f}x: {verdict(p99 <= P99_AIM * bare_p99)}"
            )
    errors = [e for _, r, w, _ in results for e in (r.errors + w.errors)]
    errors += bare.errors + bare_async.errors
    if errors:
        print(f"\n{len(errors)} unexpected answers, e.g. {errors[0]}")
    return 0 if not errors else 1


def verdict(held: bool) -> str:
    return "MET" if held else "NOT MET"


def bare_spec(_: int) -> Spec:
    return "GET", "/bare", {}, None


def bare_async_spec(_: int) -> Spec:
    return "GET", "/bare-async", {}, None


if __name__ == "__main__":
    raise SystemExit(main())
