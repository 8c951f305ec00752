"""Benchmark: how fast the `accord` command starts, beside `python -c "import typer, rich"`.

Run with ``make bench-start`` (``ARGS="--runs 3"`` to shorten). Each figure is the median of
``--runs`` runs, taken in rounds of one run of each command so that the ratios compare like
with like on a shared machine: the yardstick, ``accord --help`` (and its peak memory, the
child's own ``ru_maxrss`` from ``os.wait4``), ``accord treaty check``, ``accord members``, and
``accord serve`` until ``/health`` answers on an empty database (a fresh temporary folder each
run, so its schema is created too). The aims are issue 13's; a benchmark reports, it does not fail.

Accord and its libraries are first compiled to bytecode, as pip and ``uv sync
--compile-bytecode`` (``make install``) do when they install a package: with
``PYTHONDONTWRITEBYTECODE`` set, as on this machine, each run would otherwise compile every
module again, about a third of the time measured.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from report import table

ACCORD = str(Path(sys.executable).with_name("accord"))
HELP_RATIO, COMMAND_RATIO, HELP_MIB, HEALTH_SECONDS = 3.0, 5.0, 60.0, 2.0
SERVE_TIMEOUT = 120.0


def fresh_env(folder: Path) -> dict[str, str]:
    """Everything Accord keeps (database, key, state, event data) inside ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "ACCORD_DATABASE_URL": f"sqlite:///{folder / 'accord.db'}",
        "ACCORD_KEY_FILE": str(folder / "journal-signing.key"),
        "ACCORD_STATE_DIR": str(folder / "state"),
        "ACCORD_EVENTS_URL": str(folder / "events.duckdb"),
        "XDG_DATA_HOME": str(folder / "data"),
    }


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak resident MiB of one run of ``argv``, which must succeed."""
    began = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode}): {error}")
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_until_health(folder: Path) -> float:
    """Seconds from starting ``accord serve`` on an empty database to its first /health 200."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/health"
    began = time.perf_counter()
    server = subprocess.Popen(
        [ACCORD, "serve", "--port", str(port)],
        env=fresh_env(folder),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - began < SERVE_TIMEOUT:
            if server.poll() is not None:
                raise SystemExit(f"accord serve exited ({server.returncode}) before /health")
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - began
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.02)
        raise SystemExit(f"/health did not answer within {SERVE_TIMEOUT:.0f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def compile_installed() -> None:
    """Bytecode for Accord (an editable install here) and its libraries, as installers write.

    In a child: a child's peak memory can count its parent's at the fork; this one stays small.
    """
    import accord

    folders = [str(Path(accord.__file__).parent), sysconfig.get_paths()["purelib"]]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", *folders], check=True)


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (the median)")
    runs = parser.parse_args().runs
    compile_installed()
    with tempfile.TemporaryDirectory(prefix="accord-bench-start-") as tmp:
        root = Path(tmp)
        env = fresh_env(root / "commands")

        commands = {
            "yardstick": [sys.executable, "-c", "import typer, rich"],
            "help": [ACCORD, "--help"],
            "check": [ACCORD, "treaty", "check"],
            "members": [ACCORD, "members"],
        }
        # Round by round, each command once a round: a burst of load on the shared machine
        # then weighs on every figure alike, not on one of them.
        rounds = [
            {name: run_once(argv, env) for name, argv in commands.items()} for _ in range(runs)
        ]
        yardstick, help_seconds, check, members = (
            statistics.median(r[name][0] for r in rounds) for name in commands
        )
        help_mib = statistics.median(r["help"][1] for r in rounds)
        counter = iter(range(runs))
        health = median_of(runs, lambda: serve_until_health(root / f"serve-{next(counter)}"))
    rows = [
        ("figure", "median", "× yardstick", "aim", "met"),
        ('python -c "import typer, rich"', f"{yardstick:.3f} s", "1.0", "", ""),
        _ratio("accord --help", help_seconds, yardstick, HELP_RATIO),
        (
            "accord --help, peak memory",
            f"{help_mib:.0f} MiB",
            "",
            f"≤ {HELP_MIB:.0f} MiB",
            _met(help_mib <= HELP_MIB),
        ),
        _ratio("accord treaty check", check, yardstick, COMMAND_RATIO),
        _ratio("accord members", members, yardstick, COMMAND_RATIO),
        (
            "accord serve until /health",
            f"{health:.2f} s",
            f"{health / yardstick:.1f}",
            f"≤ {HEALTH_SECONDS:.0f} s",
            _met(health <= HEALTH_SECONDS),
        ),
    ]
    print(f"accord start-up, median of {runs} runs each (on a shared machine: ratios matter)")
    print("\n".join(table(rows)))


def _ratio(name: str, seconds: float, yardstick: float, aim: float) -> tuple[str, ...]:
    ratio = seconds / yardstick
    return (name, f"{seconds:.3f} s", f"{ratio:.1f}", f"≤ {aim:.0f}×", _met(ratio <= aim))


def _met(ok: bool) -> str:
    return "yes" if ok else "no"


if __name__ == "__main__":
    main()
