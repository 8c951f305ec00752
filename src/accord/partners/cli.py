"""`accord partners`: organizations, instruments and status applications in the configured
database (read only)."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.edge.recorded import AsOf, Json, day_or_today, recorded_world
from accord.edge.render import console, print_json
from accord.kernel.errors import NotFound
from accord.kernel.time import SystemClock

partners_app = typer.Typer(
    help="Partners and agreements: organizations, instruments, status applications (read "
    "only; the configured database, all of it, not the API's per-caller view).",
    no_args_is_help=True,
)
PARTY_ACTS = ("party", "signed", "ratified", "acceded")
APPLICATION_COLUMNS = ("id", "applicant", "status", "applied", "outcome", "consents", "awaiting")
InstrumentId = Annotated[str, typer.Argument(help="An instrument id (CST-1992, CRRF-AGR-2009)")]


@partners_app.command("organizations")
def list_organizations(json_output: Json = False) -> None:
    """The international organizations cooperated with, each cooperation dated and sourced."""
    from rich.table import Table

    from accord.partners.organizations import organizations_of
    from accord.partners.views import organization_view

    with recorded_world() as world:
        rows = [organization_view(o) for o in organizations_of(world.charter()).values()]
    if json_output:
        print_json(rows)
        return
    table = Table("id", "name", "cooperation", title="Organizations")
    table.columns[0].no_wrap = True
    for row in rows:
        cooperation = [
            f"{c['date'] or c['when'] or 'undated'} {c['kind']}" for c in row["cooperation"]
        ]
        table.add_row(row["id"], row["name"], "\n".join(cooperation) or "-")
    console().print(table)


@partners_app.command("instruments")
def list_instruments(as_of: AsOf = None, json_output: Json = False) -> None:
    """The charter's instruments and those the Secretariat recorded, with their status."""
    from rich.markup import escape
    from rich.table import Table

    from accord.partners.model import INSTRUMENTS
    from accord.partners.views import instrument_views

    day = day_or_today(as_of)
    with recorded_world() as world:
        rows = instrument_views(world.charter(), world[INSTRUMENTS], day)
    if json_output:
        print_json(rows)
        return
    table = Table("id", "title", "kind", "parties", "status", title=f"Instruments on {day}")
    table.columns[0].no_wrap = True
    for row in rows:
        parties = ", ".join(p["party"] for p in row["parties"]) or "-"
        table.add_row(
            row["id"], escape(row["title"] or "-"), row["kind"] or "-", parties, row["status"]
        )
    console().print(table)


@partners_app.command("instrument")
def show_instrument(
    instrument: InstrumentId, as_of: AsOf = None, json_output: Json = False
) -> None:
    """One instrument: each party's signature, ratification or accession, status and rule."""
    from rich.markup import escape
    from rich.table import Table

    from accord.partners.model import INSTRUMENTS
    from accord.partners.views import known_instrument_view

    day = day_or_today(as_of)
    with recorded_world() as world:
        try:
            view = known_instrument_view(world.charter(), world[INSTRUMENTS], instrument, day)
        except NotFound as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
    if json_output:
        print_json(view)
        return
    title = escape(view["title"] or "")
    console().print(
        f"[bold]{view['id']}[/bold] {title} ({view['kind']}) on {day}: {view['status']}"
    )
    console().print(f"  rule: {view['rule']}")
    if not view["parties"]:
        console().print("  no party's signature, ratification or accession recorded in Accord")
        return
    table = Table(*PARTY_ACTS)
    for party in view["parties"]:
        table.add_row(*(str(party[act] or "-") for act in PARTY_ACTS))
    console().print(table)


@partners_app.command("applications")
def list_applications(json_output: Json = False) -> None:
    """Every application for observer or partner status: consents, whose is awaited, outcome."""
    from rich.table import Table

    from accord.partners.applications import STATUS_APPLICATIONS
    from accord.partners.views import application_view

    with recorded_world() as world:
        # Whose consent is awaited depends on who is a member: today's members, as the API asks.
        members = world.rulebook(SystemClock().today()).members()
        rows = [application_view(a, members) for a in world[STATUS_APPLICATIONS].values()]
    if json_output:
        print_json(rows)
        return
    table = Table(*APPLICATION_COLUMNS, title="Status applications")
    table.columns[0].no_wrap = table.columns[3].no_wrap = True  # ids and dates, whole
    for row in rows:
        outcome = f"{row['outcome']} {row['decided'] or ''}".strip()
        consents = ", ".join(row["consents"]) or "-"
        cells = (row["id"], row["applicant"], row["status"], str(row["applied"]), outcome, consents)
        table.add_row(*cells, ", ".join(row["awaiting"]) or "-")
    console().print(table)
