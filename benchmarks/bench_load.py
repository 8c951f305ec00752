"""Benchmark: `accord serve` under a mixed load of reads and writes, beside a bare endpoint.

Run with ``make bench-load`` (``ARGS="--seconds 10 --clients 8"`` to shorten), or ``python -m
benchmarks.bench_load`` from the repository root (it shares tests/load with the stress test).
On loopback only, every phase bounded in time. In one run:

* the baseline: a bare FastAPI endpoint (tests/load/bare.py, one plain-``def`` GET returning a
  small JSON) served by `accord serve`'s uvicorn settings, hit by the same client loop;
* per database (a fresh SQLite file, a fresh PostgreSQL schema): `accord serve`, accounts made
  with `accord users add`, a case, a session, drafts and units seeded through the API; then a
  reads-only phase (as long as the bare one: throughput against the bare endpoint), and the
  mixed phase (a quarter writes: pledges, positions, drafts, requests; latencies, answers,
  dropped connections); then every acknowledged write (201) looked up in the journal;
* with ``--compare NAME=VALUE`` (e.g. ``ACCORD_MAX_BATCH=1``), the mixed phase again on a
  fresh database with that variable in the server's environment, and the writes per second of
  both (the aim: the default configuration, with group commit, ≥ 2× the other).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from benchmarks.load_report import Measured, print_report
from tests.load.clients import run_clients
from tests.load.results import Tally, missing_acks, verification
from tests.load.servers import bare_command, postgres_schema, running
from tests.load.stage import accord_stage
from tests.load.workload import WRITE_SHARE, Request

BARE = Request("read", "GET /bare", "GET", "/bare", "none")  # the same header as Accord's reads


def bare(folder: Path, clients: int, seconds: float) -> Tally:
    with running(bare_command(), folder / "bare.log") as server:
        return Tally(run_clients(server.url, clients, seconds, lambda _: BARE))


def measure(
    label: str, url: str, folder: Path, options: argparse.Namespace, env: dict[str, str]
) -> Measured:
    print(f"  {label}: accounts (accord users add), server, seed...", flush=True)
    with accord_stage(url, folder, by_cli=True, extra_env=env) as stage:
        workload, server = stage.workload, stage.server
        reads = None
        if not env:  # the reads figure once per database, with the default configuration
            workload.write_share = 0.0
            reads = Tally(
                run_clients(server.url, options.clients, options.read_seconds, workload.next)
            )
            workload.write_share = WRITE_SHARE
        print(f"  {label}: mixed load, {options.seconds:.0f} s...", flush=True)
        mixed = Tally(run_clients(server.url, options.clients, options.seconds, workload.next))
        secretariat = stage.tokens["secretariat"]
        missing = missing_acks(server.url, secretariat, stage.seeded + mixed.acks())
        checked = verification(server.url, secretariat)
        log = server.log_text()
    return Measured(label, reads, mixed, missing, checked, log.count("Traceback"))


def fresh_url(name: str, folder: Path, n: int, stack: ExitStack) -> str:
    if name == "SQLite":
        return f"sqlite:///{folder / f'accord-{n}.db'}"
    return stack.enter_context(postgres_schema())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0, help="the mixed phase")
    parser.add_argument("--read-seconds", type=float, help="reads only and bare (default: half)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument(
        "--compare",
        metavar="NAME=VALUE",
        help="a second server configuration: its variable, e.g. ACCORD_MAX_BATCH=1",
    )
    options = parser.parse_args(argv)
    options.read_seconds = options.read_seconds or options.seconds / 2
    compare = dict([options.compare.split("=", 1)]) if options.compare else {}
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {options.clients} clients "
        f"(threads, one keep-alive httpx.Client each) on loopback; bare and reads-only "
        f"{options.read_seconds:.0f} s, mixed {options.seconds:.0f} s",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="accord-bench-load-") as tmp, ExitStack() as stack:
        folder = Path(tmp)
        baseline = bare(folder, options.clients, options.read_seconds)
        print("  bare endpoint done", flush=True)
        results: list[Measured] = []
        names = ["SQLite"] + ([] if options.no_postgres else ["PostgreSQL"])
        for n, name in enumerate(names):
            configurations = [("", {})] + ([(f" {options.compare}", compare)] if compare else [])
            for k, (suffix, env) in enumerate(configurations):
                try:
                    url = fresh_url(name, folder, 2 * n + k, stack)
                except Exception as error:  # no PostgreSQL on loopback: say so, go on
                    print(f"  {name} skipped: {error}", flush=True)
                    continue
                results.append(measure(name + suffix, url, folder, options, env))
    return print_report(baseline, results, options, bool(compare))


if __name__ == "__main__":
    raise SystemExit(main())
