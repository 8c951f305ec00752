import csv
import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.monitoring.forecast import (
    MODELS,
    Fit,
    NoChange,
    RecentMean,
    ShortHistory,
    Smoothing,
    backtest,
    forecast_next,
    monthly_series,
)
from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.reference import gwno_to_iso3
from accord.monitoring.store import EventStore
from tests.monitoring.reading import SHARED_DATA, read_all

SAMPLE = SHARED_DATA / "ucdp" / "ged-sample.csv"
CANDIDATES = [RecentMean(), Smoothing()]
runner = CliRunner()


def ucdp_fatalities_by_month() -> dict[tuple[str, dt.date], tuple[int, int]]:
    """(country, first of month) -> (fatalities, events), straight from the CSV."""
    iso3 = gwno_to_iso3()
    found: dict[tuple[str, dt.date], tuple[int, int]] = {}
    with SAMPLE.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            day = dt.date.fromisoformat(row["date_start"][:10])
            key = (iso3[int(row["country_id"])], day.replace(day=1))
            fatalities, events = found.get(key, (0, 0))
            found[key] = (fatalities + int(row["best"]), events + 1)
    return found


def dense_series(country: str, last: dt.date) -> list[int]:
    """One country's months from its first event to ``last``, counted without the store."""
    by_month = {m: f for (c, m), (f, _) in ucdp_fatalities_by_month().items() if c == country}
    month, counts = min(by_month), []
    while month <= last:
        counts.append(by_month.get(month, 0))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return counts


def test_monthly_series_is_dense_and_keeps_to_its_months():
    rows = [
        {"country": "ARM", "month": dt.datetime(2020, 3, 1), "fatalities": 4},
        {"country": "ARM", "month": dt.date(2020, 1, 1), "fatalities": None},
        {"country": "AZE", "month": dt.date(2019, 12, 1), "fatalities": 9},
    ]
    series = monthly_series(rows, dt.date(2020, 1, 1), dt.date(2020, 4, 1))
    assert series == {"ARM": [0, 0, 4, 0]}


class Recording:
    """A model that keeps every history it was given, to show what the back-test hands over."""

    name = "recording"

    def __init__(self) -> None:
        self.seen: list[np.ndarray] = []

    def fit(self, history: np.ndarray) -> Fit:
        self.seen.append(history.copy())
        return Fit(0.0, "")


def test_each_origin_sees_only_the_months_before_it():
    series = [5, 0, 3, 8, 1, 2, 9]
    model = Recording()
    result = backtest(series, model, min_history=3)
    assert result.origins == [3, 4, 5, 6]
    assert [len(h) for h in model.seen] == [3, 4, 5, 6]
    for seen in model.seen:
        assert np.array_equal(seen, np.log1p(series[: len(seen)]))


@pytest.mark.parametrize("model", MODELS.values(), ids=list(MODELS))
def test_a_huge_last_month_changes_no_earlier_forecast(model):
    calm = [int(v) for v in np.random.default_rng(3).poisson(10, size=40)]
    shocked = [*calm[:-1], 1_000_000]
    before, after = backtest(calm, model), backtest(shocked, model)
    assert after.errors[:-1] == before.errors[:-1]
    assert after.no_change_errors[:-1] == before.no_change_errors[:-1]
    assert after.errors[-1] != before.errors[-1]


def test_no_change_mse_matches_a_hand_computation():
    # Forecasts 3, 1, 7, 7 for months 1, 7, 7, 0: errors ln 2/4, ln 8/2, 0, ln 1/8.
    result = backtest([0, 3, 1, 7, 7, 0], NoChange(), min_history=2)
    assert len(result.origins) == 4
    assert result.mse == pytest.approx((1 + 4 + 0 + 9) / 4 * math.log(2) ** 2)
    assert result.mse_no_change == result.mse
    assert result.ratio == 1.0
    assert result.verdict == "no skill shown: ratio 1.00 ≥ 1 over 4 origins"


@pytest.mark.parametrize("model", CANDIDATES, ids=[m.name for m in CANDIDATES])
def test_a_candidate_beats_no_change_on_a_stable_mean_with_noise(model):
    series = [int(v) for v in np.random.default_rng(0).poisson(20, size=120)]
    result = backtest(series, model)
    assert len(result.origins) == 108
    assert result.ratio < 0.8
    assert result.verdict.startswith("lower error than no change")


@pytest.mark.parametrize("model", CANDIDATES, ids=[m.name for m in CANDIDATES])
def test_a_random_walk_gets_no_claim_of_skill(model):
    steps = np.random.default_rng(1).normal(0, 0.5, size=150)
    series = [int(v) for v in np.round(np.exp(5 + np.cumsum(steps)))]
    result = backtest(series, model)
    assert result.ratio >= 1
    assert result.verdict.startswith(f"no skill shown: ratio {result.ratio:.2f} ≥ 1")


def test_a_history_too_short_for_one_origin_is_refused():
    with pytest.raises(ShortHistory) as refused:
        forecast_next([1] * 12, Smoothing())
    assert (refused.value.months, refused.value.needed) == (12, 13)


def test_monthly_matches_an_independent_sum_of_the_ucdp_sample(tmp_path: Path):
    store = EventStore(str(tmp_path / "events.duckdb"))
    store.add(read_all(read_ucdp, SAMPLE)[0])
    expected = ucdp_fatalities_by_month()
    countries = sorted({country for country, _ in expected})
    rows = store.monthly(countries, dt.date(1989, 1, 1), dt.date(2022, 12, 31))
    assert {(r["country"], r["month"]): (r["fatalities"], r["events"]) for r in rows} == expected


@pytest.fixture
def ucdp_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = str(tmp_path / "events.duckdb")
    EventStore(url).add(read_all(read_ucdp, SAMPLE)[0])
    monkeypatch.setenv("ACCORD_EVENTS_URL", url)


@pytest.mark.usefixtures("ucdp_store")
def test_the_cli_prints_the_forecast_with_the_backtest_figures():
    # AFG has the most months with events in the sample (105, from 1989-03 to 2022-09).
    series = dense_series("AFG", dt.date(2022, 12, 1))
    expected = forecast_next(series, Smoothing())
    args = ["monitor", "forecast", "--member", "afg", "--to", "2022-12-31"]
    shown = runner.invoke(app, args)
    assert shown.exit_code == 0, shown.output
    assert "AFG 2023-01:" in shown.output
    assert f"over {len(expected.backtest.origins)} origins" in shown.output
    assert f"smoothing {expected.backtest.mse:.3f}" in shown.output
    assert f"no change {expected.backtest.mse_no_change:.3f}" in shown.output
    assert expected.backtest.verdict in shown.output

    data = json.loads(runner.invoke(app, [*args, "--json"]).output)
    judged = backtest(series, Smoothing())
    assert data["history"]["months"] == len(series) == 406
    assert data["origins"] == len(judged.origins) == 394
    assert data["mse"] == pytest.approx(judged.mse)
    assert data["mse_no_change"] == pytest.approx(judged.mse_no_change)
    assert data["ratio"] == pytest.approx(judged.ratio)
    assert data["verdict"] == judged.verdict
    assert data["fatalities"] == pytest.approx(expected.fatalities)


@pytest.mark.usefixtures("ucdp_store")
@pytest.mark.parametrize(
    ("member", "period", "months"),
    [("SYR", ["--from", "2022-01-01", "--to", "2022-12-31"], 12), ("ARM", [], 0)],
)
def test_a_short_history_is_named_without_a_traceback(member, period, months):
    result = runner.invoke(app, ["monitor", "forecast", "--member", member, *period])
    assert result.exit_code == 1
    assert f"{member} has {months} months of event history" in result.output
    assert "at least 13" in result.output
    assert isinstance(result.exception, SystemExit)
