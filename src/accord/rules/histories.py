"""A state's dated statuses: the periods of its history, each from a day or from the instant of
the decision or notice that began it, until the next change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from accord.kernel.time import Period, utc
from accord.rules.sources import Source

#: Before any instant of a day: a period without a time begins at the start of its day.
_DAY_START = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class StatusPeriod:
    status: str
    period: Period
    source: Source
    note: str | None = None


@dataclass(frozen=True)
class StateRecord:
    code: str
    name: str
    name_ru: str
    history: tuple[StatusPeriod, ...]
    frozen: tuple[StatusPeriod, ...]

    def status_on(self, day: dt.date) -> StatusPeriod | None:
        return next((s for s in self.history if s.period.contains(day)), None)

    def status_at(self, at: dt.datetime) -> StatusPeriod | None:
        return next((s for s in self.history if s.period.holds_at(at)), None)

    def frozen_on(self, day: dt.date) -> StatusPeriod | None:
        return next((f for f in self.frozen if f.period.contains(day)), None)

    def frozen_at(self, at: dt.datetime) -> StatusPeriod | None:
        return next((f for f in self.frozen if f.period.holds_at(at)), None)

    def with_status(self, change: StatusPeriod) -> StateRecord:
        """This history with ``change`` from its start until the next recorded change."""
        return replace(self, history=_inserted(self.history, change))

    def with_frozen(self, change: StatusPeriod) -> StateRecord:
        return replace(self, frozen=_inserted(self.frozen, change))


def begins(period: Period) -> tuple[dt.date, dt.datetime]:
    """When ``period`` begins, in order: its day, then its instant on that day, if any."""
    return period.start, utc(period.start_at) if period.start_at else _DAY_START


def ending_where_next_begins(periods: tuple[StatusPeriod, ...]) -> tuple[StatusPeriod, ...]:
    """Each period ending at the instant the next one begins at, where that one has a time."""
    starts = {p.period.start: p.period.start_at for p in periods if p.period.start_at}
    return tuple(
        replace(p, period=replace(p.period, end_at=starts[p.period.end]))
        if p.period.end in starts and p.period.end_at is None
        else p
        for p in periods
    )


def _inserted(periods: tuple[StatusPeriod, ...], change: StatusPeriod) -> tuple[StatusPeriod, ...]:
    """``change`` from its start until the next recorded period; the period it falls in ends
    at the same day and instant."""
    start = begins(change.period)
    ordered = sorted(periods, key=lambda p: begins(p.period))
    later = [p.period for p in ordered if begins(p.period) > start]
    end = later[0] if later else None
    kept = []
    for period in ordered:
        if begins(period.period) == start:
            continue
        if begins(period.period) < start and _ends_after(period.period, start):
            cut = replace(period.period, end=change.period.start, end_at=change.period.start_at)
            period = replace(period, period=cut)
        kept.append(period)
    new = replace(
        change.period, end=end.start if end else None, end_at=end.start_at if end else None
    )
    return tuple(sorted([*kept, replace(change, period=new)], key=lambda p: begins(p.period)))


def _ends_after(period: Period, start: tuple[dt.date, dt.datetime]) -> bool:
    if period.end is None:
        return True
    return (period.end, utc(period.end_at) if period.end_at else _DAY_START) > start
