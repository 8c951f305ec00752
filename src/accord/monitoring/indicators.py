"""Weekly indicators: each week's count beside the baseline of the weeks before it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Weeks before the current one that make its baseline.
BASELINE_WEEKS = 8
#: The floor of the baseline's spread, so a first event after calm weeks is not infinite.
MIN_SPREAD = 1.0


@dataclass(frozen=True)
class Indicator:
    country: str
    category: str
    week: dt.date
    events: int
    fatalities: int
    #: Sum of the negative Goldstein scores (GDELT).
    intensity: float
    #: Mean events of the eight weeks before.
    baseline: float
    spread: float
    #: Of ``events``, those in a neighbouring country near this member's border.
    across_border: int = 0

    @property
    def z(self) -> float:
        return (self.events - self.baseline) / max(self.spread, MIN_SPREAD)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def indicators(rows: Iterable[Mapping[str, Any]], start: dt.date, end: dt.date) -> list[Indicator]:
    """Dense weekly series from ``start`` to ``end`` (weeks without events count zero)."""
    weeks = []
    week = monday(start)
    while week <= end:
        weeks.append(week)
        week += dt.timedelta(days=7)
    series: dict[tuple[str, str], dict[dt.date, Mapping[str, Any]]] = {}
    for row in rows:
        day = row["week"].date() if isinstance(row["week"], dt.datetime) else row["week"]
        series.setdefault((row["country"], row["category"]), {})[day] = row
    found = []
    for (country, category), by_week in sorted(series.items()):
        counts = [int(by_week[w]["events"]) if w in by_week else 0 for w in weeks]
        for index, week in enumerate(weeks):
            before = counts[max(0, index - BASELINE_WEEKS) : index]
            mean = sum(before) / len(before) if before else 0.0
            spread = (
                math.sqrt(sum((c - mean) ** 2 for c in before) / len(before)) if before else 0.0
            )
            row = by_week.get(week, {})
            found.append(
                Indicator(
                    country,
                    category,
                    week,
                    counts[index],
                    int(row.get("fatalities") or 0),
                    float(row.get("intensity") or 0.0),
                    mean,
                    spread,
                    int(row.get("across_border") or 0),
                )
            )
    return found
