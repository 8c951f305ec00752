"""`accord demo-server`: the API on a fresh demo database, seeded and with demo accounts."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer
from platformdirs import user_data_dir
from rich.console import Console

from accord.adapters.db import make_engine, write_transaction
from accord.backup.reset import reset_local_state
from accord.bootstrap import configured_charter, database_engine, sql_accord
from accord.config import Settings
from accord.edge.sending import send_as
from accord.entrypoints.serve_cli import only_server, run_server
from accord.identity.model import Principal
from accord.identity.repository import add_user, issue_token
from accord.identity.secrets import passwords
from accord.journal.repository import SqlJournal
from accord.monitoring.views import ingest_file, ingest_record, open_store
from accord.service.runtime import Accord
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import load_scenario

console = Console()
STAFF_ROLES = ("admin", "secretariat", "joint_staff", "analyst", "observer_liaison")
SCENARIOS = Path(__file__).resolve().parents[3] / "scenarios"
DEMO_EVENTS = Path(__file__).resolve().parents[3] / "demo" / "events"
#: Each demo event file and its layout.
EVENT_FILES = {
    "20201113.export.CSV": "gdelt",
    "20201114.export.CSV": "gdelt",
    "ucdp-ged-sample.csv": "ucdp",
}


def demo_server(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    serve: Annotated[bool, typer.Option(help="Serve after seeding (--no-serve: seed only)")] = True,
) -> None:
    """A fresh demo database: the CSTO charter, the historical scenarios, one account per role."""
    folder = Path(user_data_dir("accord", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "accord-demo.db"
    url = f"sqlite:///{database}"
    settings = Settings(database_url=url, events_url=str(folder / "accord-demo-events.duckdb"))
    # The lock before the wipe: a second demo-server must not delete the first one's database.
    engine = make_engine(url)
    with only_server(engine):
        for stale in [*folder.glob("accord-demo.db*"), *folder.glob("accord-demo-events.duckdb*")]:
            if not stale.name.endswith(".server-lock"):
                stale.unlink()
        reset_local_state(settings, engine)  # the journal starts again from nothing
        accord = sql_accord(settings, database_engine(settings))
        seed_and_serve(accord, database, host, port, serve)


def seed_and_serve(accord: Accord, database: Path, host: str, port: int, serve: bool) -> None:
    replayed = replay_history(accord)
    accounts = demo_accounts(accord)
    analyst = next(principal for principal, _ in accounts if principal.role == "analyst")
    events = add_demo_events(accord, analyst)
    console.print(f"Demo database: {database} — {replayed} historical scenarios replayed")
    console.print(
        f"Demo events: {events} real GDELT and UCDP events; try GET "
        "/monitor/alerts?from=2020-09-01&to=2020-11-20"
    )
    # Plain lines, not a table: a token must be copied whole, never cut to fit a column.
    console.print("Demo accounts (user, role, state, token; passwords are demo-<user>):")
    for person, token in accounts:
        name, role, state = person.name, str(person.role), person.state or "-"
        console.print(
            f"  {name:<18} {role:<17} {state:<5} {token}", highlight=False, soft_wrap=True
        )
    console.print(f"API docs: http://{host}:{port}/docs  (Authorize: Bearer <token>)")
    if serve:
        from accord.entrypoints.api import create_app

        run_server(create_app(accord=accord), host, port)


def replay_history(accord: Accord) -> int:
    """Replay the bundled historical scenarios (not the what-ifs) into the database, in time,
    through the edge and the writer, as the people each step names would send them."""
    charter = configured_charter(accord.settings)
    scenarios = [
        load_scenario(path)
        for path in sorted(SCENARIOS.glob("*.yaml"))
        if not path.name.startswith("whatif")
    ]
    scenarios.sort(key=lambda scenario: scenario.steps[0].at.date())
    for scenario in scenarios:
        report = run_scenario(scenario, charter, SqlJournal(accord.engine), accord)
        if not report.ok:
            console.print(
                f"[yellow]{scenario.name}: some expectations did not hold "
                "on top of the others[/yellow]"
            )
    return len(scenarios)


def add_demo_events(accord: Accord, analyst: Principal) -> int:
    """The real demo event files, ingested and journaled as the demo analyst's ingest by the
    CLI or the API would be."""
    store = open_store(accord.settings.events_url)
    added = 0
    for name, format in EVENT_FILES.items():
        path = DEMO_EVENTS / name
        report = ingest_file(store, path, format)
        command = ingest_record(report, name, hashlib.sha256(path.read_bytes()).hexdigest())
        sent = send_as(accord, analyst, command)
        if sent.result is None or not sent.result.allowed:
            raise RuntimeError(f"the demo analyst could not record {name}: {sent.forbidden}")
        added += report.rows_added
    store.con.disconnect()
    return added


def demo_accounts(accord: Accord) -> list[tuple[Principal, str]]:
    """One account per role and per member delegation, each with its API token."""
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
