"""The periods monitoring answers for (``period``) on the CLI, as on the API: within
1979-01-01 to 2099-12-31 and at most 731 days, or exit 2 naming the option; and the pages'
cursor (``pages``)."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.kernel.errors import InvalidInput
from accord.monitoring.pages import cursor, page_after
from accord.monitoring.period import checked_period

TODAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("command", "period", "says"),
    [
        (
            "indicators",
            ["--from", "0001-01-01", "--to", "9999-12-31"],
            "--to: 9999-12-31 is outside",
        ),
        ("alerts", ["--from", "0001-01-02", "--to", "2025-12-31"], "--from: 0001-01-02 is outside"),
        ("alerts", ["--from", "2020-01-01", "--to", "2022-01-02"], "--to: 2022-01-02 is more than"),
        (
            "forecast",
            ["--to", "9999-12-31"],
            "--to: 9999-12-31 is outside 1979-01-01 to 2099-12-31",
        ),
    ],
    ids=["indicators-1-to-9999", "alerts-1-to-2025", "alerts-over-two-years", "forecast-9999"],
)
def test_the_cli_refuses_a_period_out_of_bounds_naming_the_option(
    tmp_path, monkeypatch, command, period, says
):
    monkeypatch.setenv("ACCORD_EVENTS_URL", str(tmp_path / "events.duckdb"))
    member = ["--member", "ARM"] if command != "alerts" else []
    done = CliRunner().invoke(app, ["monitor", command, *member, *period])
    assert done.exit_code == 2, done.output
    assert says in done.output
    assert "Traceback" not in done.output


def test_the_default_period_is_twelve_weeks_and_stays_within_the_window():
    assert checked_period(None, None, TODAY) == (TODAY - dt.timedelta(weeks=12), TODAY)
    early = dt.date(1979, 1, 20)
    assert checked_period(None, early, TODAY) == (dt.date(1979, 1, 1), early)
    start = TODAY - dt.timedelta(days=731)
    assert checked_period(start, TODAY, TODAY) == (start, TODAY)
    with pytest.raises(InvalidInput) as refused:
        checked_period(start - dt.timedelta(days=1), TODAY, TODAY)
    assert refused.value.field == "to"


def test_a_cursor_is_an_item_id_and_a_page_starts_after_it():
    items = [{"id": f"ARM-{c}-2020-11-{d:02d}"} for c in ("armed_clash", "unrest") for d in (2, 9)]
    assert page_after(items, None, 3) == (items[:3], True)
    assert page_after(items, "ARM-armed_clash-2020-11-09", 3) == (items[2:], False)
    assert page_after(items, "ARM-armed_clash-2020-11-05", 1) == (items[1:2], True)
    for text in ("ARM-armed_clash-2020-11-31", "arm-unrest-2020-11-02", "ARM-unrest-20201102"):
        with pytest.raises(ValueError, match=r"COUNTRY-category-YYYY-MM-DD|not a day"):
            cursor(text)
