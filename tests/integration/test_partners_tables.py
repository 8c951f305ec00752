"""Partners in the database (SQLite and PostgreSQL): an organization's id fits every column
it lands in, and a restarted Accord rebuilds instruments and applications from the journal."""

import datetime as dt

import pytest
from sqlalchemy import select

from accord.bootstrap import build_bus, database_engine, sql_unit_of_work
from accord.config import Settings
from accord.membership.tables import membership_records
from accord.partners.applications import STATUS_APPLICATIONS
from accord.partners.commands import (
    Accede,
    ApplyForStatus,
    ConsentToStatus,
    RecordInstrument,
    SignInstrument,
)
from accord.partners.model import INSTRUMENTS
from accord.partners.tables import instrument_parties, recorded_instruments, status_applications
from accord.service.actors import resolve_actor

AT = dt.datetime(2022, 3, 1, 10, 0, tzinfo=dt.UTC)
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")


@pytest.fixture
def engine(database_url):
    engine = database_engine(Settings(database_url=database_url))
    yield engine
    engine.dispose()


def act(bus, by, command):
    result = bus.handle(command, resolve_actor(bus.uow.world, by, AT.date()), AT)
    assert result.allowed, [r.text for r in result.ruling.reasons]
    return result


def rows(engine, table):
    with engine.connect() as connection:
        return connection.execute(select(table)).all()


def test_an_organizations_acts_and_status_are_written_and_rebuilt(engine, csto):
    bus = build_bus(sql_unit_of_work(engine, csto))
    memorandum = RecordInstrument(
        instrument="MOU-UNODC",
        title="Memorandum",
        kind="memorandum",
        parties=("CSTO", "UNODC"),
        entry_into_force="signature",
        open_to_accession=True,
    )
    act(bus, "secretary_general", memorandum)
    act(bus, "secretary_general", SignInstrument(instrument="MOU-UNODC", party="UNODC"))
    act(bus, "SRB", Accede(instrument="MOU-UNODC"))
    act(bus, "chair", ApplyForStatus(status="observer", applicant="UNODC", meets=("interest",)))
    for state in MEMBERS:
        act(bus, state, ConsentToStatus(application="application-1", consent="yes"))

    assert {(r.state, r.signed_on, r.acceded_on) for r in rows(engine, instrument_parties)} == {
        ("UNODC", AT.date(), None),
        ("SRB", None, AT.date()),
    }
    assert [r.document["rule"]["on"] for r in rows(engine, recorded_instruments)] == ["signature"]
    [application] = rows(engine, status_applications)
    assert (application.applicant, application.outcome) == ("UNODC", "granted")
    granted = [r for r in rows(engine, membership_records) if r.kind == "status_changed"]
    assert [r.state for r in granted] == ["UNODC"]

    restarted = sql_unit_of_work(engine, csto)
    assert restarted.world[INSTRUMENTS] == bus.uow.world[INSTRUMENTS]
    assert restarted.world[STATUS_APPLICATIONS] == bus.uow.world[STATUS_APPLICATIONS]
    assert restarted.world.rulebook(AT.date()).status_name("UNODC") == "observer"
