"""Benchmark (`make bench-scale`): start-up, journal pages and verification at 10k and 100k
journal entries, each figure beside its aim (issue 12).

* Start-up, in process (``sql_accord``: the engine, the migrations checked, the read model) and
  `accord serve` until GET /health answers: with the snapshot a clean stop leaves, and, as the
  baseline in the same run, without snapshots (the whole journal replayed); then from that
  snapshot with a tail of 999 entries to replay (the most a server writing snapshots every
  1,000 entries leaves behind). Aims: ≤ 2 s at 100k, and ≤ 1.5× the start-up at 10k.
* A journal page of 100 at 100k entries on SQLite and PostgreSQL, its SQL alone and GET /journal
  (in process, with a token): the slowest of the first, middle and last page, median of 30.
  Aim: ≤ 20 ms.
* Full verification of the 100k journal (today's ``journal.verify`` over every entry), in
  entries/s. Aim: ≥ 20,000.

The journals come from ``scale_journal`` (generated through the bus once, then cached). Run
with ``python benchmarks/bench_scale.py [--sizes 10000,100000] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from report import table
from scale_journal import (
    cache_folder,
    cached_postgres,
)
from scale_reads import PAGE, page_figures, verification_rate
from scale_startup import (
    TAIL,
    Figures,
    Place,
    Started,
    start_ups,
    write_final_snapshot,
)

from accord.rules.charter import Charter
from accord.rules.loading import bundled_charter_path, load_charter

AIM_START_S, AIM_RATIO, AIM_PAGE_MS, AIM_VERIFY = 2.0, 1.5, 20.0, 20_000
Row = tuple[str, ...]


def verdict(held: bool) -> str:
    return "met" if held else "NOT MET"


def row(figure: str, started: Started | None, value: str, aim: str = "", met: str = "") -> Row:
    return (figure, value, f"{started.cpu:.2f}" if started else "", aim, met)


def start_up_rows(figures: dict[int, Figures], small: int, large: int) -> list[Row]:
    rows = []
    for count, measured in figures.items():
        n = f"{count // 1000}k"
        rows += [
            row(
                f"start-up {n}, full replay (s)",
                measured["full"],
                f"{measured['full'].seconds:.2f}",
                "baseline",
            ),
            row(
                f"start-up {n}, snapshot (s)",
                measured["snapshot"],
                f"{measured['snapshot'].seconds:.3f}",
            ),
            row(
                f"  with a {TAIL}-entry tail (s)",
                measured["tail"],
                f"{measured['tail'].seconds:.3f}",
            ),
            row(
                f"accord serve {n}, full replay (s)",
                measured["full served"],
                f"{measured['full served'].seconds:.2f}",
                "baseline",
            ),
            row(
                f"accord serve {n}, snapshot (s)",
                measured["snapshot served"],
                f"{measured['snapshot served'].seconds:.2f}",
            ),
        ]
    for label, key in (("start-up", "snapshot"), ("accord serve", "snapshot served")):
        at_large, at_small = figures[large][key], figures[small][key]
        rows.append(
            row(
                f"{label} {large // 1000}k, snapshot (s)",
                at_large,
                f"{at_large.seconds:.3f}",
                f"≤ {AIM_START_S} s",
                verdict(at_large.seconds <= AIM_START_S),
            )
        )
        ratio = at_large.seconds / at_small.seconds
        rows.append(
            row(
                f"  {label} {large // 1000}k / {small // 1000}k",
                None,
                f"{ratio:.2f}x",
                f"≤ {AIM_RATIO}x",
                verdict(ratio <= AIM_RATIO),
            )
        )
    return rows


def page_and_verification_rows(
    charter: Charter, place: Place, folder: Path, count: int
) -> list[Row]:
    pages = {"SQLite": page_figures(place, count)}
    rates = {"SQLite": verification_rate(place.url)}
    with cached_postgres(charter, count) as url:
        postgres = Place(url, cache_folder() / "state-postgres", folder / "events.duckdb")
        # A snapshot at the head first (a full replay if the cached one is of older code), so
        # that no snapshot is being written in the background while pages are timed.
        write_final_snapshot(postgres)
        pages["PostgreSQL"] = page_figures(postgres, count)
        rates["PostgreSQL"] = verification_rate(url)
    rows = []
    for kind, (sql, api) in pages.items():
        for how, ms in (("SQL", sql), ("GET /journal", api)):
            rows.append(
                row(
                    f"page of {PAGE} at {count // 1000}k, {kind}, {how} (ms)",
                    None,
                    f"{ms:.2f}",
                    f"≤ {AIM_PAGE_MS:.0f} ms",
                    verdict(ms <= AIM_PAGE_MS),
                )
            )
    for kind, rate in rates.items():
        rows.append(
            row(
                f"full verification, {kind} (entries/s)",
                None,
                f"{rate:,.0f}",
                f"≥ {AIM_VERIFY:,}",
                verdict(rate >= AIM_VERIFY),
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="journal sizes, smallest first")
    parser.add_argument("--runs", type=int, default=3, help="best of this many start-ups")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    charter = load_charter(bundled_charter_path("csto"))
    print(f"Python {sys.version.split()[0]}; cached journals in {cache_folder()}", flush=True)
    rows: list[Row] = [("figure", "value", "cpu s", "aim", "")]
    with tempfile.TemporaryDirectory(prefix="accord-bench-scale-") as temporary:
        folder = Path(temporary)
        figures = {}
        for count in sizes:
            place, figures[count] = start_ups(charter, folder, count, args.runs)
        rows += start_up_rows(figures, sizes[0], sizes[-1])
        rows += page_and_verification_rows(charter, place, folder, sizes[-1])
    print()
    for line in table(rows):
        print(line)
    print(
        "\nvalue: wall-clock (best of the runs); cpu s: the CPU the start-up itself used "
        "(served: the server process's, imports included), steadier on a shared machine"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
