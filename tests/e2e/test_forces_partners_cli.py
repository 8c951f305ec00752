"""`accord forces units|unit` and `accord partners ...` read what the configured database
recorded: Kazakhstan's contingents of January 2022, an instrument, a status application."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.bootstrap import configured_charter, sql_accord
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.forces.commands import ChangePledge, RecordVerificationVisit, WithdrawPledge
from accord.journal.repository import SqlJournal
from accord.partners.commands import (
    ApplyForStatus,
    ConsentToStatus,
    Ratify,
    RecordInstrument,
    SignInstrument,
)
from accord.service.actors import resolve_actor
from accord.simulation.bundled import bundled_scenario, load_bundled
from accord.simulation.runner import run_scenario

runner = CliRunner()
#: After the CDM sent Armenia's and Kyrgyzstan's contingents home, before the others followed.
HALFWAY_HOME = dt.datetime(2022, 1, 13, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))
OBSERVER = ("interest", "un_member", "diplomatic_relations", "peaceful_settlement")


def on(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T10:00+00:00")


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kazakhstan 2022 replayed until Armenia and Kyrgyzstan are home (units 1-5: RUS, BLR,
    ARM, TJK, KGZ); then Armenia withdraws its pledge, Kyrgyzstan reduces its, the Joint Staff
    visits Tajikistan's company; a protocol of KAZ and RUS is signed and ratified, and Serbia
    applies for observer status (test data)."""
    url = f"sqlite:///{tmp_path}/accord.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    settings = Settings(database_url=url)
    accord = sql_accord(settings)
    kazakhstan = bundled_scenario("kazakhstan-2022")
    assert kazakhstan is not None
    scenario = load_bundled(kazakhstan)
    steps = tuple(step for step in scenario.steps if step.at <= HALFWAY_HOME)
    halfway = dataclasses.replace(scenario, steps=steps, final={})
    report = run_scenario(halfway, configured_charter(settings), SqlJournal(accord.engine), accord)
    assert report.ok, [s.failures for s in report.steps if s.failures]
    visit = RecordVerificationVisit("unit-4", dt.date(2022, 1, 14), "level_2", "as pledged")
    protocol = RecordInstrument("PROT-X", "A protocol", "protocol", ("KAZ", "RUS"))
    steps_after = [
        ("2022-01-14", "ARM", WithdrawPledge("unit-3", "needed at home")),
        ("2022-01-14", "KGZ", ChangePledge("unit-5", "one platoon rotated out", strength=120)),
        ("2022-01-14", "JOINT_STAFF", visit),
        ("2022-03-01", "secretary_general", protocol),
        ("2022-03-02", "KAZ", SignInstrument("PROT-X")),
        ("2022-03-02", "RUS", SignInstrument("PROT-X")),
        ("2022-04-01", "KAZ", Ratify("PROT-X")),
        ("2022-04-05", "RUS", Ratify("PROT-X")),
        ("2022-05-01", "SRB", ApplyForStatus("observer", meets=OBSERVER)),
        ("2022-05-02", "KAZ", ConsentToStatus("application-1", "yes")),
    ]
    for day, by, command in steps_after:
        at = on(day)
        result = accord.handle(command, resolve_actor(accord.world, by, at.date()), at)
        assert result.allowed, result.ruling.reasons
    accord.close()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_every_unit_is_listed_with_its_status_and_the_json_matches_the_table(recorded):
    units = json.loads(cli("forces", "units", "--json"))
    assert {(u["id"], u["state"], u["status"], u["deployed_on"]) for u in units} == {
        ("unit-1", "RUS", "deployed", "case-1"),
        ("unit-2", "BLR", "deployed", "case-1"),
        ("unit-3", "ARM", "withdrawn", None),
        ("unit-4", "TJK", "deployed", "case-1"),
        ("unit-5", "KGZ", "pledged", None),
    }
    assert next(u for u in units if u["id"] == "unit-5")["strength"] == 120
    table = cli("forces", "units")
    assert [line.split("│")[1].strip() for line in table.splitlines() if "│ unit-" in line] == [
        u["id"] for u in units
    ]
    assert "withdrawn" in table


def test_the_units_of_one_state_and_of_a_day_before_the_pledges(recorded):
    (russian,) = json.loads(cli("forces", "units", "--state", "rus", "--json"))
    assert (russian["id"], russian["name"]) == ("unit-1", "airborne battalion group (illustrative)")
    assert json.loads(cli("forces", "units", "--as-of", "2021-11-30", "--json")) == []
    before = json.loads(cli("forces", "units", "--as-of", "2022-01-05", "--json"))
    statuses = {u["id"]: u["status"] for u in before}
    assert (statuses["unit-1"], statuses["unit-3"]) == ("pledged", "pledged")
    sent = json.loads(cli("forces", "units", "--as-of", "2022-01-07", "--state", "RUS", "--json"))
    assert (sent[0]["status"], sent[0]["deployed_on"]) == ("deployed", "case-1")
    wrong = runner.invoke(app, ["forces", "units", "--as-of", "13 January"])
    assert wrong.exit_code == 2
    assert "--as-of: '13 January' is not a date" in wrong.output


def test_one_unit_shows_its_dated_history_with_reasons_and_an_unknown_one_exits_2(recorded):
    changed = cli("forces", "unit", "unit-5")
    assert "2021-12-01 pledged to collective_peacekeeping_forces (150)" in changed
    assert "2022-01-14 strength 120: one platoon rotated out" in changed
    withdrawn = json.loads(cli("forces", "unit", "unit-3", "--json"))
    assert (withdrawn["status"], withdrawn["pledged"]) == ("withdrawn", False)
    assert withdrawn["history"][-1]["what"] == "pledge withdrawn: needed at home"
    visited = cli("forces", "unit", "unit-4")
    assert "verification visit of 2022-01-14: level_2" in visited
    assert "visit of 2022-01-14 by JOINT_STAFF: as pledged" in visited
    missing = runner.invoke(app, ["forces", "unit", "unit-9"])
    assert missing.exit_code == 2
    assert "unit 'unit-9' does not exist" in missing.output


def test_an_instrument_shows_each_party_s_acts_and_its_entry_into_force(recorded):
    protocol = json.loads(cli("partners", "instrument", "PROT-X", "--json"))
    assert [(p["party"], p["signed"], p["ratified"]) for p in protocol["parties"]] == [
        ("KAZ", "2022-03-02", "2022-04-01"),
        ("RUS", "2022-03-02", "2022-04-05"),
    ]
    assert protocol["status"] == "in force since 2022-04-05"
    halfway = cli("partners", "instrument", "PROT-X", "--as-of", "2022-04-02")
    assert "signed, not yet in force" in halfway
    assert "rule: " in halfway
    missing = runner.invoke(app, ["partners", "instrument", "PROT-Y"])
    assert missing.exit_code == 2
    assert "no instrument 'PROT-Y'" in missing.output


def test_the_instruments_organizations_and_applications_are_listed(recorded):
    instruments = json.loads(cli("partners", "instruments", "--as-of", "2022-06-01", "--json"))
    ids = [i["id"] for i in instruments]
    assert "CST-1992" in ids
    assert ids[-1] == "PROT-X"
    organizations = json.loads(cli("partners", "organizations", "--json"))
    united_nations = next(o for o in organizations if o["id"] == "UN")
    assert united_nations["cooperation"][0]["date"] == "2004-12-02"
    assert "United Nations" in cli("partners", "organizations")
    (serbia,) = json.loads(cli("partners", "applications", "--json"))
    assert (serbia["applicant"], serbia["status"], serbia["outcome"]) == (
        "SRB",
        "observer",
        "pending",
    )
    assert serbia["consents"] == {"KAZ": "2022-05-02"}
    assert "KAZ" not in serbia["awaiting"]
    assert "application-1" in cli("partners", "applications")
