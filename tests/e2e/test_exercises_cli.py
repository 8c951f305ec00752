"""`accord exercises` and `accord operations` read what the configured database recorded."""

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.cli import app
from accord.exercises.commands import ChangeExercise, PlannedExercise, ProposeExercisePlan
from accord.operations.commands import RecordOperationResults, RecordOperationStage
from accord.service.actors import resolve_actor

runner = CliRunner()
AT = dt.datetime(2023, 6, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database where the Joint Staff proposed and reduced an exercise and the Secretariat
    recorded a Channel stage with Armenia's results (test data)."""
    url = f"sqlite:///{tmp_path}/accord.db"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    accord = sql_accord(Settings(database_url=url))
    planned = PlannedExercise(
        "Cobalt-2023", "cobalt", "TJK", dt.date(2023, 11, 6), dt.date(2023, 11, 10), 400
    )
    reduced = ChangeExercise("Cobalt-2023", "format_reduced", "fewer units ready", troop_cap=250)
    stage = RecordOperationStage(
        "Channel", "Channel-Arax", dt.date(2023, 5, 22), dt.date(2023, 5, 26), ("ARM", "RUS")
    )
    steps = [
        ("JOINT_STAFF", ProposeExercisePlan(2023, (planned,))),
        ("JOINT_STAFF", reduced),
        ("secretary_general", stage),
        ("ARM", RecordOperationResults("stage-1", "ARM", {"heroin": 12.5}, 31)),
    ]
    for minute, (by, command) in enumerate(steps):
        at = AT + dt.timedelta(minutes=minute)
        result = accord.bus.handle(command, resolve_actor(accord.uow.world, by, at.date()), at)
        assert result.allowed, result.ruling.reasons
    accord.engine.dispose()


def test_the_exercises_are_listed_and_one_is_shown_with_its_changes(recorded):
    listed = runner.invoke(app, ["exercises", "list", "--year", "2023", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [(e["name"], e["troop_cap"]) for e in json.loads(listed.output)] == [
        ("Cobalt-2023", 250)
    ]
    shown = runner.invoke(app, ["exercises", "show", "cobalt-2023"])
    assert shown.exit_code == 0, shown.output
    assert "format_reduced by JOINT_STAFF: fewer units ready" in shown.output
    missing = runner.invoke(app, ["exercises", "show", "Rubezh-2023"])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output


def test_the_operation_totals_of_a_year_are_printed(recorded):
    totals = runner.invoke(app, ["operations", "totals", "--year", "2023", "--json"])
    assert totals.exit_code == 0, totals.output
    (channel,) = json.loads(totals.output)
    assert (channel["operation"], channel["seizures_kg"], channel["detentions"]) == (
        "Channel",
        {"heroin": 12.5},
        31,
    )
    table = runner.invoke(app, ["operations", "list"])
    assert table.exit_code == 0
    assert "Mercenary" in table.output
    assert "unverified" in table.output
