"""`accord monitor`: ingest event files, read indicators, list and export alerts."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import console, print_json
from accord.edge.signed_in import BadInput, fail, forbid, token_from, token_owner
from accord.kernel.errors import InvalidInput
from accord.kernel.time import SystemClock, parse_day
from accord.monitoring.forecast_cli import show_forecast
from accord.monitoring.ingest.limits import name_problem, regular_file_size
from accord.monitoring.period import checked_period

if TYPE_CHECKING:
    from accord.monitoring.model import IngestReport

monitor_app = typer.Typer(
    help="Monitoring and early warning over open event data.", no_args_is_help=True
)
monitor_app.command("forecast")(show_forecast)
Json = Annotated[bool, typer.Option("--json", help="Print JSON")]
From = Annotated[str | None, typer.Option("--from", help="First day (default: 12 weeks back)")]
To = Annotated[str | None, typer.Option("--to", help="Last day (default: today)")]


@monitor_app.command("ingest")
def ingest(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    format: Annotated[str, typer.Option("--format", help="acled, gdelt or ucdp")],
    token_file: Annotated[
        Path | None, typer.Option("--token-file", help="A file holding the API token")
    ] = None,
    json_output: Json = False,
) -> None:
    """Add a file's events as the owner of an API token (an analyst's or an administrator's),
    journaled like the API's ingest; every bad row is reported with its line and reason.
    A file that is not of its format, over 256 MiB or with no valid row exits 2, adding
    nothing."""
    from accord.edge.commanding import command_out
    from accord.edge.sending import deny, send_as
    from accord.identity.permissions import may_send
    from accord.monitoring.ingesting import READERS, ingest_record, report_dict

    if format not in READERS:
        fail(f"--format: one of {', '.join(READERS)}, not {format!r}")
    try:
        regular_file_size(file)  # only its kind and size, before the token is asked
        token = token_from(token_file)
    except InvalidInput as error:
        fail(f"{file}: {error.rule}")
    except BadInput as error:
        fail(str(error))
    if (problem := name_problem(file.name)) is not None:
        fail(f"{file}: its name: {problem}")
    accord = running().accord()
    principal = token_owner(accord, token)
    # Asked before reading the file, as the API asks before taking the upload.
    if not may_send(principal, accord.bus.assembly.roles_for("record_event_file")):
        deny(accord, principal, "record_event_file")
        forbid(f"a {principal.role} user may not ingest event files")
    try:
        report = _ingest(accord.settings.events_url, file, format, json_output)
    except InvalidInput as error:
        fail(f"{file}: {error.rule} (nothing added)")
    command = ingest_record(report, file.name, _sha256(file))
    sent = send_as(accord, principal, command)
    if sent.result is None:
        forbid(sent.forbidden)
    recorded = command_out(sent.result).model_dump(mode="json")
    if json_output:
        print_json({**recorded, **report_dict(report)})
        return
    console().print(
        f"{file.name}: {report.rows_read} rows read, {report.rows_added} events added, "
        f"{report.duplicates} already stored, {len(report.bad_rows)} bad rows "
        f"(journal #{recorded['journal_seq']})"
    )
    for row in report.bad_rows[:50]:
        console().print(f"  {row}", highlight=False, markup=False)
    if len(report.bad_rows) > 50:
        console().print(f"  … and {len(report.bad_rows) - 50} more (use --json for all)")


def _ingest(events_url: str | None, file: Path, format: str, quiet: bool) -> IngestReport:
    from rich.progress import Progress

    from accord.monitoring.ingesting import ingest_file, open_store

    store = open_store(events_url)
    try:
        with Progress(console=console(), transient=True, disable=quiet) as progress:
            task = progress.add_task(f"reading {file.name}", total=file.stat().st_size)
            return ingest_file(store, file, format, lambda n: progress.advance(task, n))
    finally:
        store.con.disconnect()


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _period(start: str | None, end: str | None) -> tuple[dt.date, dt.date]:
    """The API's period rules (``period.checked_period``), the options named."""
    try:
        last = parse_day(end, "--to") if end else None
        first = parse_day(start, "--from") if start else None
        return checked_period(first, last, SystemClock().today())
    except ValueError as error:
        fail(str(error))
    except InvalidInput as error:
        fail(f"--{error.field}: {error.rule}")


@monitor_app.command("indicators")
def show_indicators(
    member: Annotated[str, typer.Option("--member", help="ISO3 of a member state")],
    start: From = None,
    end: To = None,
    json_output: Json = False,
) -> None:
    """Weekly events, fatalities and intensity per category, beside their baseline."""
    from accord.monitoring.ingesting import open_store
    from accord.monitoring.views import indicator_dict, member_indicators

    first, last = _period(start, end)
    events_url = running().settings().events_url
    series = member_indicators(open_store(events_url), [member.upper()], first, last)
    if json_output:
        print_json([indicator_dict(point) for point in series])
        return
    for point in series:
        if point.events:
            console().print(
                f"{point.week} {point.country} {point.category:<16} {point.events:>5} "
                f"events  baseline {point.baseline:5.1f}  z {point.z:5.1f}"
            )


@monitor_app.command("alerts")
def show_alerts(
    start: From = None,
    end: To = None,
    json_output: Json = False,
    cap: Annotated[
        Path | None, typer.Option("--cap", help="Write one CAP 1.2 file per alert here")
    ] = None,
    stix: Annotated[Path | None, typer.Option("--stix", help="Write a STIX 2.1 bundle")] = None,
) -> None:
    """Weeks far above their baseline in a member, each with its reason, a recommendation
    and a draft request the Crisis Response Centre may prepare for the member."""
    from accord.monitoring.exports import alert_id, cap_message, stix_bundle
    from accord.monitoring.ingesting import open_store
    from accord.monitoring.reference import iso3_to_iso2
    from accord.monitoring.views import watch
    from accord.rules.configured import configured_charter

    first, last = _period(start, end)
    settings = running().settings()
    found = watch(open_store(settings.events_url), configured_charter(settings), first, last)
    sent = dt.datetime.now(dt.UTC)
    if cap is not None:
        cap.mkdir(parents=True, exist_ok=True)
        for alert in found.alerts:
            name = found.names.get(alert.indicator.country, alert.indicator.country)
            (cap / f"{alert_id(alert)}.cap.xml").write_text(
                cap_message(alert, name, sent), encoding="utf-8"
            )
    if stix is not None:
        bundle = stix_bundle(found.alerts, found.names, iso3_to_iso2(), sent)
        stix.write_text(bundle.serialize(pretty=True), encoding="utf-8")
    if json_output:
        print_json(found.as_dicts())
        return
    for alert in found.alerts:
        console().print(f"⚠ {alert.reason}\n  → {alert.recommendation}", highlight=False)
    if not found.alerts:
        console().print(f"no alert for {', '.join(found.names)} between {first} and {last}")
