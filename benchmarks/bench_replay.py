"""Timing: rebuilding the world from a journal of 10,000 commands (``rebuild_world``).

Run with ``python benchmarks/bench_replay.py``. The journal comes from ``bench_bus``'s mix of
crises run once on an in-memory bus; then, the best of five, the time to decode every recorded
event (``message_from_dict``) alone and to replay them all (decode and apply). Not a test.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bench_bus import BUS_COMMANDS, bus_mix, prepare

from accord.contexts import assembly, empty_world
from accord.kernel.messages import message_from_dict
from accord.rules.loading import bundled_charter_path, load_charter
from accord.service.replay import rebuild_world


def best_of_five(work: Callable[[], object]) -> float:
    work()
    times = []
    for _ in range(5):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    from accord.bootstrap import in_memory_bus

    charter = load_charter(bundled_charter_path("csto"))
    prepared = prepare(charter, bus_mix(charter, BUS_COMMANDS))
    bus = in_memory_bus(charter)
    for command, actor, at in prepared.commands:
        bus.handle(command, actor, at)
    entries = list(bus.uow.journal.entries())
    recorded = [
        (assembly().layout.event_types[e["name"]], e["data"])
        for entry in entries
        for e in entry.events
    ]

    def decode() -> None:
        for kind, data in recorded:
            message_from_dict(kind, data)

    decoding = best_of_five(decode)
    replay = best_of_five(lambda: rebuild_world(empty_world(charter), entries))
    print(f"{len(entries):,} journal entries, {len(recorded):,} events")
    print(f"decode only: {decoding * 1000:.1f} ms ({decoding / len(recorded) * 1e6:.1f} µs/event)")
    print(f"replay (decode and apply): {replay * 1000:.1f} ms")


if __name__ == "__main__":
    main()
