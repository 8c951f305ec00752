"""Next month's fatalities per member, judged by a rolling-origin back-test against no change.

Errors are measured on log1p(fatalities): monthly counts are heavy-tailed, and on the raw
scale one massacre would decide every comparison.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

#: Months a model must have seen before its first back-test forecast.
MIN_HISTORY = 12
#: Fewer origins than this make a ratio below one a weak hint rather than evidence.
FEW_ORIGINS = 24


def first_of_month(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, 1)


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_range(start: dt.date, end: dt.date) -> list[dt.date]:
    months, month = [], first_of_month(start)
    while month <= end:
        months.append(month)
        month = next_month(month)
    return months


def monthly_series(
    rows: Iterable[Mapping[str, Any]], start_month: dt.date, end_month: dt.date
) -> dict[str, list[int]]:
    """Fatalities per country for every month from ``start_month`` to ``end_month`` (none: 0)."""
    months = month_range(start_month, end_month)
    position = {month: index for index, month in enumerate(months)}
    series: dict[str, list[int]] = {}
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        if month in position:
            counts = series.setdefault(row["country"], [0] * len(months))
            counts[position[month]] += int(row["fatalities"] or 0)
    return dict(sorted(series.items()))


@dataclass(frozen=True)
class Fit:
    """A model fitted on one history: its log1p forecast of the month after, and why."""

    log_forecast: float
    detail: str


class Model(Protocol):
    @property
    def name(self) -> str: ...

    def fit(self, history: np.ndarray) -> Fit:
        """Fit on log1p fatalities up to the origin and forecast the month after it."""
        ...


class NoChange:
    """The baseline: next month is this month again."""

    name = "no-change"

    def fit(self, history: np.ndarray) -> Fit:
        return Fit(float(history[-1]), "last month")


@dataclass(frozen=True)
class RecentMean:
    """The mean of the last k months, k chosen by one-step errors inside the history only."""

    max_k: int = 12
    name: str = "recent-mean"

    def fit(self, history: np.ndarray) -> Fit:
        widest = max(1, min(self.max_k, len(history) - 1))
        sums = np.concatenate(([0.0], np.cumsum(history)))
        # Every k is scored on the same targets, so a wide window is not judged on fewer months.
        targets = np.arange(widest, len(history))
        best_k, best_error = 1, math.inf
        for k in range(1, widest + 1):
            guesses = (sums[targets] - sums[targets - k]) / k
            error = float(np.mean((history[targets] - guesses) ** 2)) if len(targets) else 0.0
            if error < best_error:
                best_k, best_error = k, error
        return Fit(float(history[-best_k:].mean()), f"k={best_k}")


@dataclass(frozen=True)
class Smoothing:
    """Exponential smoothing, alpha chosen by one-step errors inside the history only."""

    alphas: tuple[float, ...] = tuple(round(0.05 * step, 2) for step in range(1, 21))
    name: str = "smoothing"

    def fit(self, history: np.ndarray) -> Fit:
        alphas = np.array(self.alphas)
        level = np.full(len(alphas), history[0])
        squared = np.zeros(len(alphas))
        for value in history[1:]:
            squared += (value - level) ** 2
            level = alphas * value + (1 - alphas) * level
        best = int(np.argmin(squared))
        return Fit(float(level[best]), f"alpha={alphas[best]:.2f}")


MODELS: dict[str, Model] = {m.name: m for m in (NoChange(), RecentMean(), Smoothing())}


class ShortHistory(ValueError):
    def __init__(self, months: int, needed: int) -> None:
        super().__init__(f"{months} months of history, the back-test needs at least {needed}")
        self.months = months
        self.needed = needed


@dataclass(frozen=True)
class Backtest:
    model: str
    #: Each origin is the number of months seen; the forecast is for the month at that index.
    origins: list[int]
    errors: list[float]
    no_change_errors: list[float]

    @property
    def mse(self) -> float:
        return float(np.mean(np.square(self.errors)))

    @property
    def mse_no_change(self) -> float:
        return float(np.mean(np.square(self.no_change_errors)))

    @property
    def ratio(self) -> float:
        if self.mse_no_change == 0:
            # A flat history: no change is perfect, and only a perfect model can match it.
            return 1.0 if self.mse == 0 else math.inf
        return self.mse / self.mse_no_change

    @property
    def verdict(self) -> str:
        n = len(self.origins)
        if self.ratio >= 1:
            return f"no skill shown: ratio {self.ratio:.2f} ≥ 1 over {n} origins"
        hint = "; few origins, a weak hint only" if n < FEW_ORIGINS else ""
        return (
            f"lower error than no change on this history: ratio {self.ratio:.2f} < 1 "
            f"over {n} origins{hint}"
        )


def backtest(series: Sequence[int], model: Model, min_history: int = MIN_HISTORY) -> Backtest:
    """Rolling origin: fit on months [0, t), forecast month t, for t from ``min_history`` on."""
    logs = np.log1p(np.asarray(series, dtype=float))
    if len(logs) < min_history + 1:
        raise ShortHistory(len(logs), min_history + 1)
    origins = list(range(min_history, len(logs)))
    baseline = NoChange()
    # The slice is the whole guard against look-ahead: a model never receives month t.
    errors = [float(logs[t] - model.fit(logs[:t]).log_forecast) for t in origins]
    no_change = [float(logs[t] - baseline.fit(logs[:t]).log_forecast) for t in origins]
    return Backtest(model.name, origins, errors, no_change)


@dataclass(frozen=True)
class Forecast:
    model: str
    detail: str
    log_value: float
    backtest: Backtest

    @property
    def fatalities(self) -> float:
        """Back on the count scale: a typical month, below the mean when months are skewed."""
        return math.expm1(self.log_value)


def forecast_next(series: Sequence[int], model: Model, min_history: int = MIN_HISTORY) -> Forecast:
    """The month after the series, fitted on all of it, with the back-test that judges it."""
    judged = backtest(series, model, min_history)
    fitted = model.fit(np.log1p(np.asarray(series, dtype=float)))
    return Forecast(model.name, fitted.detail, fitted.log_forecast, judged)
