"""`accord demo-server`: the API on a fresh demo database, seeded and with demo accounts.

The demo's event files and the bundled scenarios are package data (importlib.resources), so an
installed wheel seeds the same demo as a checkout."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.render import console
from accord.entrypoints.serve_cli import only_server, run_server

if TYPE_CHECKING:
    from accord.identity.model import Principal
    from accord.service.runtime import Accord

STAFF_ROLES = ("admin", "secretariat", "joint_staff", "analyst", "observer_liaison")
#: Each demo event file (in accord/monitoring/demo_events/) and its layout.
EVENT_FILES = {
    "20201113.export.CSV": "gdelt",
    "20201114.export.CSV": "gdelt",
    "ucdp-ged-sample.csv": "ucdp",
}


def demo_server(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    serve: Annotated[bool, typer.Option(help="Serve after seeding (--no-serve: seed only)")] = True,
    replace: Annotated[
        bool, typer.Option(help="Wipe the default database even if the demo did not write it")
    ] = False,
) -> None:
    """A fresh demo in the CLI's default database and event store: the CSTO charter, the
    historical scenarios, real events, one account per role and per delegation."""
    from accord.adapters.db import make_engine
    from accord.backup.reset import reset_local_state
    from accord.bootstrap import database_engine, sql_accord
    from accord.entrypoints.demo_database import demo_files, refuse_foreign_data, start_afresh

    files = demo_files()
    settings = files.settings()
    # The lock before the wipe: a second demo-server must not delete the first one's database.
    engine = make_engine(files.url)
    with only_server(engine):
        refuse_foreign_data(files, engine, replace)
        start_afresh(files)
        reset_local_state(settings, engine)  # the journal starts again from nothing
        accord = sql_accord(settings, database_engine(settings))
        seed_and_serve(accord, files.database, host, port, serve)


def seed_and_serve(accord: Accord, database: Path, host: str, port: int, serve: bool) -> None:
    from accord.entrypoints.demo_database import elsewhere_warnings

    replayed = replay_history(accord)
    accounts = demo_accounts(accord)
    analyst = next(principal for principal, _ in accounts if principal.role == "analyst")
    events = add_demo_events(accord, analyst)
    console().print(f"Demo database: {database} — {replayed} historical scenarios replayed")
    console().print(
        f"Demo events: {events} real GDELT and UCDP events; try GET "
        "/monitor/alerts?from=2020-09-01&to=2020-11-20"
    )
    # Plain lines, not a table: a token must be copied whole, never cut to fit a column.
    console().print("Demo accounts (user, role, state, token; passwords are demo-<user>):")
    for person, token in accounts:
        name, role, state = person.name, str(person.role), person.state or "-"
        console().print(
            f"  {name:<18} {role:<17} {state:<5} {token}", highlight=False, soft_wrap=True
        )
    console().print(
        f"Dashboard: http://{host}:{port}/  (log in as a demo user, password demo-<user>)"
    )
    console().print(f"API docs: http://{host}:{port}/docs  (Authorize: Bearer <token>)")
    console().print(
        "The CLI reads this database too (its default): `accord forces units`, "
        "`KAZ=$(accord users token kaz-delegation)`, `ACCORD_TOKEN=$KAZ accord send ...`",
        highlight=False,
        soft_wrap=True,
    )
    for warning in elsewhere_warnings():
        console().print(f"[yellow]{warning}[/yellow]")
    if serve:
        from accord.entrypoints.api import create_app

        run_server(create_app(accord=accord), host, port)


def replay_history(accord: Accord) -> int:
    """Replay the bundled historical scenarios (not the what-ifs) into the database, in time,
    through the edge and the writer, as the people each step names would send them."""
    from accord.journal.repository import SqlJournal
    from accord.rules.configured import configured_charter
    from accord.simulation.bundled import historical_scenarios
    from accord.simulation.runner import run_scenario

    charter = configured_charter(accord.settings)
    scenarios = historical_scenarios()
    for scenario in scenarios:
        report = run_scenario(scenario, charter, SqlJournal(accord.engine), accord)
        if not report.ok:
            console().print(
                f"[yellow]{scenario.name}: some expectations did not hold "
                "on top of the others[/yellow]"
            )
    return len(scenarios)


def add_demo_events(accord: Accord, analyst: Principal) -> int:
    """The real demo event files, ingested and journaled as the demo analyst's ingest by the
    CLI or the API would be."""
    from accord.edge.sending import send_as
    from accord.monitoring.ingesting import ingest_file, ingest_record, open_store

    store = open_store(accord.settings.events_url)
    added = 0
    folder = resources.files("accord.monitoring") / "demo_events"
    for name, format in EVENT_FILES.items():
        # as_file: DuckDB reads the CSV from the file system.
        with resources.as_file(folder / name) as path:
            report = ingest_file(store, path, format)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        command = ingest_record(report, name, digest)
        sent = send_as(accord, analyst, command)
        if sent.result is None or not sent.result.allowed:
            raise RuntimeError(f"the demo analyst could not record {name}: {sent.forbidden}")
        added += report.rows_added
    store.con.disconnect()
    return added


def demo_accounts(accord: Accord) -> list[tuple[Principal, str]]:
    """One account per role and per member delegation, each with its API token."""
    from accord.adapters.db import write_transaction
    from accord.identity.repository import add_user, issue_token
    from accord.identity.secrets import passwords

    accounts: list[tuple[str, str, str | None]] = [(role, role, None) for role in STAFF_ROLES]
    members = accord.world.rulebook(accord.now().date()).members()
    accounts += [(f"{state.lower()}-delegation", "delegation", state) for state in members]
    issued, hasher = [], passwords(accord.settings)
    with write_transaction(accord.engine) as connection:
        for name, role, state in accounts:
            password = f"demo-{name}"
            principal = add_user(connection, name, role, state, password, passwords=hasher)
            issued.append((principal, issue_token(connection, principal.user_id)[1]))
    return issued
