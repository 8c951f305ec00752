"""What a run's samples say: answers by status class, dropped connections, latencies, and
whether every acknowledged write is in the journal afterwards."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import httpx

from tests.load.clients import Run, Sample
from tests.load.workload import Ack


def percentile_ms(latencies: list[float], q: float) -> float:
    ordered = sorted(latencies)
    if not ordered:
        return math.nan
    return 1000 * ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass
class Tally:
    run: Run

    @property
    def requests(self) -> int:
        return len(self.run.samples)

    def classes(self) -> Counter[str]:
        """Answers by status class ("2xx", "4xx", "5xx"), and "dropped" for no answer."""
        return Counter(f"{s.status // 100}xx" if s.status else "dropped" for s in self.run.samples)

    def errors(self) -> Counter[str]:
        """Dropped connections by the client's exception type (ReadError, ...)."""
        return Counter(s.error for s in self.run.samples if s.error)

    def statuses(self, kind: str) -> Counter[int]:
        return Counter(s.status for s in self.run.samples if s.status and s.kind == kind)

    def dropped_after_5xx(self) -> int:
        """Dropped connections whose previous answer on the same client was a 5xx."""
        previous: dict[int, Sample] = {}
        count = 0
        for sample in sorted(self.run.samples, key=lambda s: (s.client, s.order)):
            before = previous.get(sample.client)
            if sample.error and before is not None and (before.status or 0) >= 500:
                count += 1
            previous[sample.client] = sample
        return count

    def latency_ms(self, kind: str, q: float) -> float:
        return percentile_ms([s.latency for s in self.run.samples if s.kind == kind], q)

    def per_second(self, kind: str | None = None) -> float:
        """Answered requests per second (of one kind); writes: acknowledged ones (201)."""
        if kind == "write":
            count = len(self.acks())
        else:
            count = sum(1 for s in self.run.samples if s.status and kind in (None, s.kind))
        return count / self.run.seconds if self.run.seconds else 0.0

    def acks(self) -> list[Ack]:
        return [Ack(s.seq, s.command) for s in self.run.samples if s.seq is not None]

    def example_5xx(self) -> str:
        labels = Counter(s.label for s in self.run.samples if (s.status or 0) >= 500)
        return ", ".join(f"{label} {n}" for label, n in labels.most_common())


def missing_acks(url: str, secretariat: str, acks: list[Ack]) -> list[str]:
    """Each acknowledged write not in the journal as acknowledged (its seq holds another
    command, or two writes were acknowledged with one seq: one of them was lost)."""
    journal: dict[int, str] = {}
    headers = {"Authorization": f"Bearer {secretariat}"}
    with httpx.Client(base_url=url, timeout=60.0, headers=headers) as client:
        while True:
            after = max(journal, default=0)
            page = client.get("/journal", params={"after": after, "limit": 1000})
            page.raise_for_status()
            if not page.json():
                break
            journal.update((entry["seq"], entry["command"]) for entry in page.json())
    missing = [f"{a.seq} {a.command}" for a in acks if journal.get(a.seq) != a.command]
    seen = Counter(a.seq for a in acks)
    missing += [f"{seq} acknowledged {n} times" for seq, n in seen.items() if n > 1]
    return missing


def verification(url: str, secretariat: str) -> dict[str, object]:
    headers = {"Authorization": f"Bearer {secretariat}"}
    answer = httpx.get(
        f"{url}/journal/verification", params={"wait": 110}, headers=headers, timeout=120.0
    )
    answer.raise_for_status()
    result: dict[str, object] = answer.json()
    return result
