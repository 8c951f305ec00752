"""Clocks and dated periods: every rule of the treaty holds from one day until another, and a
change of status from the instant of the decision or notice that makes it, where one is known."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...


class SystemClock:
    def today(self) -> dt.date:
        return dt.datetime.now(dt.UTC).date()


@dataclass(frozen=True)
class FixedClock:
    day: dt.date

    def today(self) -> dt.date:
        return self.day


def utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC; one without a zone is read as UTC, as the scenarios' steps are."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


@dataclass(frozen=True)
class Period:
    """Days from ``start`` (included) to ``end`` (excluded); an open end lasts until changed.

    ``start_at`` and ``end_at`` are the instants, on those days, where the period starts or ends
    at a known time (a decision taken at 11:09); without one a period turns at the start of its
    day. ``contains`` asks about a whole day, so sees every change of the day (its end);
    ``holds_at`` asks about an instant.

    Examples:
        >>> p = Period(dt.date(2012, 12, 19), None)
        >>> p.contains(dt.date(2022, 1, 6)), p.contains(dt.date(2010, 1, 1))
        (True, False)
        >>> timed = Period(dt.date(2012, 12, 19), None, dt.datetime(2012, 12, 19, 11, 9))
        >>> timed.holds_at(dt.datetime(2012, 12, 19, 10)), timed.contains(dt.date(2012, 12, 19))
        (False, True)
    """

    start: dt.date
    end: dt.date | None = None
    start_at: dt.datetime | None = None
    end_at: dt.datetime | None = None

    def contains(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def holds_at(self, at: dt.datetime) -> bool:
        """In force at ``at``: from its start instant, or from the start of its day in the
        zone of ``at`` (a day-dated fact holds all its day, as ``contains`` says)."""
        day = at.date()
        begun = utc(at) >= utc(self.start_at) if self.start_at else self.start <= day
        if self.end_at is not None:
            return begun and utc(at) < utc(self.end_at)
        return begun and (self.end is None or day < self.end)

    @property
    def since(self) -> str:
        """When it starts, as a reason says it: the day, and the time where one is known."""
        if self.start_at is None:
            return self.start.isoformat()
        return self.start_at.isoformat(sep=" ", timespec="minutes")

    def overlaps(self, other: Period) -> bool:
        self_ends_after = self.end is None or other.start < self.end
        other_ends_after = other.end is None or self.start < other.end
        return self_ends_after and other_ends_after

    def __str__(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat() if self.end else '…'}"


def parse_day(text: str, field: str = "date") -> dt.date:
    """Read an ISO date (YYYY-MM-DD), naming the field when it is not one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{field}: {text!r} is not a date in the form YYYY-MM-DD") from None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it is shorter.

    Examples:
        >>> add_months(dt.date(2024, 8, 31), 6)
        datetime.date(2025, 2, 28)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))
