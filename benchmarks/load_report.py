"""The load benchmark's report: the figures per database beside the bare endpoint, then the
aims, each with the figure it is judged on (tables by benchmarks/report.py)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from benchmarks.report import table
from tests.load.results import Tally

#: reads throughput against the bare endpoint's, per database
READ_SHARE_AIMS = {"SQLite": 0.80, "PostgreSQL": 0.60}
P99_AIM = 2.0  # read and write p99 at most this many times the bare endpoint's p99
GROUP_COMMIT_AIM = 2.0  # writes/s of the default configuration over the compared one


@dataclass
class Measured:
    label: str
    reads: Tally | None  # the reads-only phase (default configuration only)
    mixed: Tally
    missing: list[str]
    verification: dict[str, object]
    tracebacks: int  # in the server's log


HEADER = (
    "figure",
    "requests",
    "2xx",
    "4xx",
    "5xx",
    "dropped",
    "read p50/p99 ms",
    "write p50/p99 ms",
    "req/s",
    "reads/s",
    "writes/s",
)


def pair(tally: Tally, kind: str) -> str:
    """p50 / p99 in ms, or a dash when the phase had no request of that kind."""
    if not any(s.kind == kind for s in tally.run.samples):
        return "-"
    return f"{tally.latency_ms(kind, 0.5):.0f} / {tally.latency_ms(kind, 0.99):.0f}"


def row(name: str, tally: Tally) -> tuple[str, ...]:
    classes, errors = tally.classes(), tally.errors()
    dropped = f"{classes['dropped']}" + (
        f" ({', '.join(f'{k} {v}' for k, v in errors.items())})" if errors else ""
    )
    return (
        name,
        f"{tally.requests:,}",
        f"{classes['2xx']:,}",
        f"{classes['4xx']:,}",
        f"{classes['5xx']:,}",
        dropped,
        pair(tally, "read"),
        pair(tally, "write"),
        f"{tally.per_second():,.0f}",
        f"{tally.per_second('read'):,.0f}",
        f"{tally.per_second('write'):,.1f}",
    )


def verdict(held: bool) -> str:
    return "met" if held else "NOT MET"


def aims(bare: Tally, result: Measured) -> list[tuple[str, ...]]:
    mixed, bare_p99 = result.mixed, bare.latency_ms("read", 0.99)
    rows = []
    for kind in ("read", "write"):
        p99 = mixed.latency_ms(kind, 0.99)
        rows.append(
            (
                f"{result.label}: {kind} p99 <= {P99_AIM:.0f}x bare p99",
                f"{p99:,.0f} ms vs {bare_p99:,.0f} ms",
                f"{p99 / bare_p99:.1f}x",
                verdict(p99 <= P99_AIM * bare_p99),
            )
        )
    database = result.label.split()[0]
    if result.reads is not None and database in READ_SHARE_AIMS:
        aim, share = READ_SHARE_AIMS[database], result.reads.per_second("read") / bare.per_second()
        rows.append(
            (
                f"{database}: reads/s >= {aim:.0%} of bare",
                f"{result.reads.per_second('read'):,.0f} vs {bare.per_second():,.0f}",
                f"{share:.0%}",
                verdict(share >= aim),
            )
        )
    errors = mixed.classes()["5xx"] + mixed.classes()["dropped"]
    rows.append(
        (
            f"{result.label}: 0 answers 5xx, 0 dropped",
            f"{mixed.classes()['5xx']} / {mixed.classes()['dropped']}",
            f"{result.tracebacks} tracebacks",
            verdict(errors == 0),
        )
    )
    acked = len(mixed.acks())
    rows.append(
        (
            f"{result.label}: every 201 in the journal",
            f"{acked - len(result.missing):,} of {acked:,}",
            f"{len(result.missing)} missing",
            verdict(not result.missing),
        )
    )
    ok = result.verification.get("ok") is True
    rows.append(
        (
            f"{result.label}: the journal verifies",
            f"{result.verification.get('entries')} entries",
            "ok" if ok else "BROKEN",
            verdict(ok),
        )
    )
    return rows


def group_commit(results: list[Measured]) -> list[tuple[str, ...]]:
    """Writes/s of each database's default configuration over its --compare configuration."""
    rows, default = [], {r.label: r for r in results if " " not in r.label}
    for other in (r for r in results if " " in r.label):
        base = default.get(other.label.split()[0])
        if base is None:
            continue
        ours, theirs = base.mixed.per_second("write"), other.mixed.per_second("write")
        ratio = ours / theirs if theirs else float("inf")
        rows.append(
            (
                f"{base.label}: writes/s >= {GROUP_COMMIT_AIM:.0f}x ({other.label})",
                f"{ours:,.1f} vs {theirs:,.1f}",
                f"{ratio:.1f}x",
                verdict(ratio >= GROUP_COMMIT_AIM),
            )
        )
    return rows


def print_report(
    bare: Tally, results: list[Measured], options: argparse.Namespace, compared: bool
) -> int:
    """The tables; 1 when a correctness aim (5xx, drops, lost writes, journal) is not met."""
    rows = [HEADER, row("bare FastAPI GET (baseline)", bare)]
    for result in results:
        if result.reads is not None:
            rows.append(row(f"{result.label}: reads only", result.reads))
        rows.append(
            row(f"{result.label}: mixed ({result.mixed.run.clients} clients)", result.mixed)
        )
    print()
    print("\n".join(table(rows)))
    aim_rows = [("aim", "figure", "ratio", "verdict")]
    for result in results:
        aim_rows += aims(bare, result)
    aim_rows += group_commit(results)
    print()
    print("\n".join(table(aim_rows)))
    if not compared:
        print(
            "\ngroup commit: not compared; --compare ACCORD_MAX_BATCH=1 (assumed: the write"
            " path's switch to one transaction per command) runs that configuration too"
        )
    broken = [
        r
        for r in results
        if r.missing
        or r.mixed.classes()["5xx"]
        or r.mixed.errors()
        or r.verification.get("ok") is not True
    ]
    return 1 if broken else 0
