"""What the CLI and the API show: indicators, alerts and forecasts for the members (the
ingests: accord.monitoring.ingesting)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from accord.monitoring.alerts import Alert, alerts
from accord.monitoring.drafts import draft_request
from accord.monitoring.exports import alert_id
from accord.monitoring.forecast import (
    Forecast,
    Model,
    first_of_month,
    forecast_next,
    month_range,
    monthly_series,
    next_month,
)
from accord.monitoring.indicators import Indicator, indicators
from accord.monitoring.ingest.normalise import OLDEST
from accord.monitoring.store import EventStore
from accord.rules.charter import Charter
from accord.rules.rulebook import Rulebook
from accord.rules.summaries import request_articles


def member_indicators(
    store: EventStore, members: list[str], first: dt.date, last: dt.date
) -> list[Indicator]:
    return indicators(store.weekly(members, first, last), first, last)


def indicator_dict(point: Indicator) -> dict[str, Any]:
    return {
        "id": f"{point.country}-{point.category}-{point.week.isoformat()}",
        "country": point.country,
        "category": point.category,
        "week": point.week.isoformat(),
        "events": point.events,
        "fatalities": point.fatalities,
        "intensity": point.intensity,
        "across_border": point.across_border,
        "baseline": round(point.baseline, 3),
        "z": round(point.z, 3),
    }


@dataclass(frozen=True)
class Watch:
    """The alerts of a period, with what is needed to word them: names and the article."""

    alerts: list[Alert]
    names: dict[str, str]
    consultations_article: str

    def as_dicts(self) -> list[dict[str, Any]]:
        return [self.alert_dict(alert) for alert in self.alerts]

    def alert_dict(self, alert: Alert) -> dict[str, Any]:
        point = alert.indicator
        name = self.names.get(point.country, point.country)
        return {
            "id": alert_id(alert),
            "country": point.country,
            "category": point.category,
            "week": point.week.isoformat(),
            "events": point.events,
            "baseline": round(point.baseline, 3),
            "z": round(point.z, 3),
            "reason": alert.reason,
            "recommendation": alert.recommendation,
            "draft_request": draft_request(alert, self.consultations_article, name),
        }

    def find(self, wanted: str) -> Alert | None:
        return next((a for a in self.alerts if alert_id(a) == wanted), None)


def watch(
    store: EventStore,
    charter: Charter,
    first: dt.date,
    last: dt.date,
    members: list[str] | None = None,
) -> Watch:
    """Alerts for the members as of ``last`` (or for those of them named in ``members``)."""
    rulebook = Rulebook.as_of(charter, last)
    watched = [m for m in rulebook.members() if members is None or m in members]
    series = member_indicators(store, watched, first, last) if watched else []
    article = request_articles(rulebook).get("consultations", "the consultations article")
    names = {m: rulebook.name_of(m) for m in rulebook.members()}
    return Watch(alerts(series, article, names), names, article)


@dataclass(frozen=True)
class MemberForecast:
    member: str
    first_month: dt.date
    last_month: dt.date
    series: list[int]
    forecast: Forecast

    def as_dict(self) -> dict[str, Any]:
        judged = self.forecast.backtest
        return {
            "member": self.member,
            "month": next_month(self.last_month).isoformat(),
            "model": self.forecast.model,
            "detail": self.forecast.detail,
            "fatalities": self.forecast.fatalities,
            "log1p": self.forecast.log_value,
            "no_change": self.series[-1],
            "history": {"first": self.first_month.isoformat(), "months": len(self.series)},
            "origins": len(judged.origins),
            "mse": judged.mse,
            "mse_no_change": judged.mse_no_change,
            "ratio": judged.ratio if math.isfinite(judged.ratio) else None,
            "verdict": judged.verdict,
        }


def member_forecast(
    store: EventStore, member: str, first: dt.date | None, last: dt.date, model: Model
) -> MemberForecast:
    """Next month's fatalities from whole months up to ``last`` (from the member's first
    event unless ``first`` is given); raises ShortHistory when too few months exist."""
    last_month = first_of_month(last)
    month_end = next_month(last_month) - dt.timedelta(days=1)
    start = first_of_month(first or dt.date.fromisoformat(OLDEST))
    rows = store.monthly([member], start, month_end)
    first_month = start if first or not rows else first_of_month(rows[0]["month"])
    months = month_range(first_month, last_month) if first or rows else []
    series = monthly_series(rows, first_month, last_month).get(member, [0] * len(months))
    return MemberForecast(member, first_month, last_month, series, forecast_next(series, model))
