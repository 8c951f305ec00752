"""`accord monitor forecast`: next month's fatalities, beside the back-test that judges it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import console, print_json
from accord.kernel.errors import InvalidInput
from accord.kernel.time import SystemClock, parse_day
from accord.monitoring.period import within_window

#: forecast.MODELS by name, written out so that `accord` names them without loading numpy.
MODEL_NAMES = ("no-change", "recent-mean", "smoothing")


def show_forecast(
    member: Annotated[str, typer.Option("--member", help="ISO3 of a member state")],
    start: Annotated[str | None, typer.Option("--from", help="Default: its first event")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Its month counts whole")] = None,
    model_name: Annotated[str, typer.Option("--model", help=", ".join(MODEL_NAMES))] = "smoothing",
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Next month's fatalities in a member, with the back-test against no change."""
    from accord.monitoring.forecast import MIN_HISTORY, MODELS, ShortHistory, first_of_month
    from accord.monitoring.ingesting import open_store
    from accord.monitoring.views import member_forecast

    iso3, model = member.upper(), MODELS.get(model_name)
    if model is None:
        typer.echo(f"error: --model: one of {', '.join(MODELS)}, not {model_name!r}", err=True)
        raise typer.Exit(2)
    try:
        # By default the last complete month: the current one would look calmer than it is.
        last = (
            parse_day(end, "--to")
            if end
            else first_of_month(SystemClock().today()) - dt.timedelta(days=1)
        )
        first = parse_day(start, "--from") if start else None
        within_window(last, "--to")
        if first is not None:
            within_window(first, "--from")
    except (ValueError, InvalidInput) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    try:
        found = member_forecast(
            open_store(running().settings().events_url), iso3, first, last, model
        )
    except ShortHistory as short:
        typer.echo(
            f"error: {iso3} has {short.months} months of event history up to "
            f"{first_of_month(last):%Y-%m}; forecasting needs at least {short.needed} "
            f"({MIN_HISTORY} to fit, 1 to test)",
            err=True,
        )
        raise typer.Exit(1) from None
    if json_output:
        print_json(found.as_dict())
        return
    judged, figures = found.forecast.backtest, found.as_dict()
    console().print(
        f"{iso3} {figures['month'][:7]}: {found.forecast.fatalities:.1f} fatalities forecast by "
        f"{found.forecast.model} ({found.forecast.detail}); no change says {found.series[-1]}\n"
        f"  history {found.first_month:%Y-%m} to {found.last_month:%Y-%m}: "
        f"{len(found.series)} months\n"
        f"  back-test, log1p MSE over {len(judged.origins)} origins: {found.forecast.model} "
        f"{judged.mse:.3f}, no change {judged.mse_no_change:.3f}, ratio {judged.ratio:.2f}\n"
        f"  {judged.verdict}",
        highlight=False,
        soft_wrap=True,
    )
