"""Start-up times for bench_scale: an Accord built in this process, and `accord serve` until
GET /health answers, each on a given database and state folder, with snapshots or without
(``snapshot_every`` 0: the whole journal replayed, today's baseline)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from scale_journal import TZ, cached_sqlite, plan, send, working_copy

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.rules.charter import Charter

HOST = "127.0.0.1"
SERVE_LIMIT_SECONDS = 180.0
#: Entries written after the last snapshot: the most a server writing one every 1,000 leaves.
TAIL = 999
TAIL_START = dt.datetime(2022, 10, 30, 8, tzinfo=TZ)  # after every generated crisis
Figures = dict[str, "Started"]


@dataclass(frozen=True)
class Place:
    """A database and the folder of the server's own files (its key, the snapshots)."""

    url: str
    state: Path
    events: Path

    def settings(self, snapshots: bool) -> Settings:
        return Settings(
            database_url=self.url,
            events_url=str(self.events),
            state_dir=self.state,
            key_file=self.state / "key",
            snapshot_every=1000 if snapshots else 0,
        )


@dataclass(frozen=True)
class Started:
    seconds: float
    #: CPU seconds of the work: on a machine shared with other work, the steadier figure.
    cpu: float
    from_seq: int  # the snapshot's seq (0: full replay)
    seq: int


def in_process(place: Place, snapshots: bool) -> Started:
    """Build the Accord (engine, migrations checked, read model) as `accord serve` does."""
    began, cpu = time.perf_counter(), time.process_time()
    accord = sql_accord(place.settings(snapshots))
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    started = Started(seconds, cpu, accord.uow.started_from, accord.writer.seq)
    accord.close()
    return started


def best_in_process(place: Place, snapshots: bool, runs: int) -> Started:
    return min((in_process(place, snapshots) for _ in range(runs)), key=lambda s: s.seconds)


def write_final_snapshot(place: Place) -> None:
    """What a clean stop of a server leaves: a snapshot at the journal's head."""
    accord = sql_accord(place.settings(snapshots=True))
    accord.close(final_snapshot=True)


def served(place: Place, snapshots: bool) -> Started:
    """From starting `accord serve` to its first answer on /health: seconds, and the CPU
    seconds the server had used by then (imports included)."""
    settings = place.settings(snapshots)
    env = {
        **os.environ,
        "ACCORD_DATABASE_URL": place.url,
        "ACCORD_EVENTS_URL": str(place.events),
        "ACCORD_STATE_DIR": str(settings.state_dir),
        "ACCORD_KEY_FILE": str(settings.key_file),
        "ACCORD_SNAPSHOT_EVERY": str(settings.snapshot_every),
    }
    port = _free_port()
    script = Path(sys.executable).with_name("accord")
    began = time.perf_counter()
    process = subprocess.Popen(
        [str(script), "serve", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while not _answers(port):
            if process.poll() is not None:
                raise SystemExit(f"accord serve exited: {process.stderr.read().decode()}")  # type: ignore[union-attr]
            if time.perf_counter() - began > SERVE_LIMIT_SECONDS:
                raise SystemExit("accord serve did not answer /health in time")
            time.sleep(0.01)
        seconds = time.perf_counter() - began
        return Started(seconds, _cpu_seconds(process.pid), 0, 0)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def best_served(place: Place, snapshots: bool, runs: int) -> Started:
    return min((served(place, snapshots) for _ in range(runs)), key=lambda s: s.seconds)


def _cpu_seconds(pid: int) -> float:
    """User and system time of a running process (Linux: /proc/PID/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://{HOST}:{port}/health", timeout=1.0).status_code == 200
    except httpx.TransportError:
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start_ups(charter: Charter, folder: Path, count: int, runs: int) -> tuple[Place, Figures]:
    """Start-ups on a copy of the cached journal of ``count`` entries, in process and served:
    without snapshots, from the snapshot a clean stop leaves, and with a tail to replay."""
    place = Place(
        working_copy(cached_sqlite(charter, count), folder),
        folder / f"s-{count}",
        folder / "events.duckdb",
    )
    full = in_process(place, snapshots=False)  # once: at 100k it is the slow one
    full_served = served(place, snapshots=False)
    write_final_snapshot(place)
    snapshot = best_in_process(place, True, runs)
    assert snapshot.from_seq == snapshot.seq == full.seq == count, (snapshot, full)
    snapshot_served = best_served(place, True, 2)
    # Fewer entries than snapshot_every: the process writing them leaves no snapshot of them.
    writing = sql_accord(place.settings(snapshots=True))
    send(writing, plan(charter, TAIL, TAIL_START, tag="tail"))
    writing.close()
    tail = best_in_process(place, True, runs)
    assert (tail.from_seq, tail.seq) == (count, count + TAIL), tail
    return place, {
        "full": full,
        "snapshot": snapshot,
        "tail": tail,
        "full served": full_served,
        "snapshot served": snapshot_served,
    }
