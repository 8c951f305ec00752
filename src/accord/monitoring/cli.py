"""`accord monitor`: ingest event files, read indicators, list alerts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from platformdirs import user_data_dir
from rich.console import Console
from rich.progress import Progress

from accord.bootstrap import configured_charter
from accord.config import Settings
from accord.entrypoints.render import print_json
from accord.kernel.time import SystemClock, parse_day
from accord.monitoring.alerts import alerts
from accord.monitoring.indicators import indicators
from accord.monitoring.ingest.gdelt import read_gdelt
from accord.monitoring.ingest.ucdp import read_ucdp
from accord.monitoring.model import IngestReport
from accord.monitoring.store import EventStore
from accord.rules.rulebook import Rulebook
from accord.rules.summaries import request_articles

monitor_app = typer.Typer(
    help="Monitoring and early warning over open event data.", no_args_is_help=True
)
console = Console()
READERS = {"gdelt": read_gdelt, "ucdp": read_ucdp}
Json = Annotated[bool, typer.Option("--json", help="Print JSON")]


def store(settings: Settings) -> EventStore:
    default = Path(user_data_dir("accord", appauthor=False)) / "events.duckdb"
    return EventStore(settings.events_url or str(default))


@monitor_app.command("ingest")
def ingest(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    format: Annotated[str, typer.Option("--format", help="gdelt or ucdp")],
    json_output: Json = False,
) -> None:
    """Add a file's events; every bad row is reported with its line and reason."""
    reader = READERS.get(format)
    if reader is None:
        typer.echo(f"error: --format: one of {', '.join(READERS)}, not {format!r}", err=True)
        raise typer.Exit(2)
    report = IngestReport(str(file), format)
    tables = []
    with Progress(console=console, transient=True, disable=json_output) as progress:
        task = progress.add_task(f"reading {file.name}", total=file.stat().st_size)
        for events, bad, read in reader(file, lambda n: progress.advance(task, n)):
            tables.append(events)
            report.bad_rows += bad
            report.rows_read += read
            report.rows_valid += events.num_rows
    report.rows_added = store(Settings()).add(tables)
    if json_output:
        print_json(
            {
                "file": report.file,
                "format": format,
                "rows_read": report.rows_read,
                "rows_valid": report.rows_valid,
                "rows_added": report.rows_added,
                "duplicates": report.duplicates,
                "bad_rows": [{"line": b.line, "reason": b.reason} for b in report.bad_rows],
            }
        )
        return
    console.print(
        f"{file.name}: {report.rows_read} rows read, {report.rows_added} events added, "
        f"{report.duplicates} already stored, {len(report.bad_rows)} bad rows"
    )
    for row in report.bad_rows[:50]:
        console.print(f"  {row}", highlight=False, markup=False)
    if len(report.bad_rows) > 50:
        console.print(f"  … and {len(report.bad_rows) - 50} more (use --json for all)")


def _period(start: str | None, end: str | None) -> tuple[dt.date, dt.date]:
    try:
        last = parse_day(end, "--to") if end else SystemClock().today()
        first = parse_day(start, "--from") if start else last - dt.timedelta(weeks=12)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    return first, last


@monitor_app.command("indicators")
def show_indicators(
    member: Annotated[str, typer.Option("--member", help="ISO3 of a member state")],
    start: Annotated[str | None, typer.Option("--from")] = None,
    end: Annotated[str | None, typer.Option("--to")] = None,
    json_output: Json = False,
) -> None:
    """Weekly events, fatalities and intensity per category, beside their baseline."""
    first, last = _period(start, end)
    rows = store(Settings()).weekly([member.upper()], first, last)
    series = indicators(rows, first, last)
    if json_output:
        print_json(
            [
                {
                    "country": i.country,
                    "category": i.category,
                    "week": i.week.isoformat(),
                    "events": i.events,
                    "fatalities": i.fatalities,
                    "intensity": i.intensity,
                    "baseline": round(i.baseline, 3),
                    "z": round(i.z, 3),
                }
                for i in series
            ]
        )
        return
    for point in series:
        if point.events:
            console.print(
                f"{point.week} {point.country} {point.category:<16} {point.events:>5} "
                f"events  baseline {point.baseline:5.1f}  z {point.z:5.1f}"
            )


@monitor_app.command("alerts")
def show_alerts(
    start: Annotated[str | None, typer.Option("--from")] = None,
    end: Annotated[str | None, typer.Option("--to")] = None,
    json_output: Json = False,
) -> None:
    """Weeks far above their baseline in a member, each with its reason and a recommendation."""
    first, last = _period(start, end)
    rulebook = Rulebook.as_of(configured_charter(Settings()), last)
    members = rulebook.members()
    series = indicators(store(Settings()).weekly(members, first, last), first, last)
    article = request_articles(rulebook).get("consultations", "the consultations article")
    found = alerts(series, article, {m: rulebook.name_of(m) for m in members})
    if json_output:
        print_json(
            [
                {
                    "country": a.indicator.country,
                    "category": a.indicator.category,
                    "week": a.indicator.week.isoformat(),
                    "reason": a.reason,
                    "recommendation": a.recommendation,
                }
                for a in found
            ]
        )
        return
    for alert in found:
        console.print(f"⚠ {alert.reason}\n  → {alert.recommendation}", highlight=False)
    if not found:
        console.print(f"no alert for {', '.join(members)} between {first} and {last}")
