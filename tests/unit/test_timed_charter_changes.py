"""The charter's status histories may give the instant of a change where the facts give one;
without one a change turns at the start of its day (issue 14).

treaty-facts.md gives no time of day for any recorded change of status, so the bundled charter
has none: the time below (11:09 Moscow time) is made up for the test, on a copy."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from accord.kernel.errors import CharterError
from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.rulebook import Rulebook
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import parse_scenario
from tests.unit.test_charter_loading import rewrite

SUSPENDED = "  - status: suspended\n    from: 2012-12-19\n"
MSK = dt.timezone(dt.timedelta(hours=4))  # Moscow time in 2012


def at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2012, 12, 19, hour, minute, tzinfo=MSK)


@pytest.fixture
def timed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "csto"
    shutil.copytree(bundled_charter_path("csto"), target)
    rewrite(target / "members/UZB.yaml", SUSPENDED, SUSPENDED + "    at: 2012-12-19T11:09+04:00\n")
    return target


def test_a_timed_change_holds_from_its_instant_and_a_bare_day_sees_it(timed_copy):
    charter = load_charter(timed_copy)
    assert Rulebook.as_of(charter, at(11, 8)).status_name("UZB") == "member"
    assert Rulebook.as_of(charter, at(11, 9)).status_name("UZB") == "suspended"
    assert Rulebook.as_of(charter, at(11, 9).astimezone(dt.UTC)).status_name("UZB") == "suspended"
    assert Rulebook.as_of(charter, dt.date(2012, 12, 19)).status_name("UZB") == "suspended"
    assert Rulebook.as_of(charter, dt.date(2012, 12, 18)).status_name("UZB") == "member"
    member = Rulebook.as_of(charter, at(11, 8)).status("UZB")
    assert member is not None
    assert member.period.end_at == at(11, 9)


def test_without_a_time_a_change_turns_at_the_start_of_its_day(csto):
    midnight = dt.datetime(2012, 12, 19, tzinfo=dt.UTC)
    assert Rulebook.as_of(csto, midnight).status_name("UZB") == "suspended"
    before = midnight - dt.timedelta(seconds=1)
    assert Rulebook.as_of(csto, before).status_name("UZB") == "member"


@pytest.mark.parametrize(
    ("written", "problem"),
    [("2012-12-19T11:09", "names its zone"), ("2012-12-20T11:09+04:00", "not on the day")],
)
def test_a_time_without_its_zone_or_off_its_day_is_refused(timed_copy, written, problem):
    rewrite(timed_copy / "members/UZB.yaml", "at: 2012-12-19T11:09+04:00", f"at: {written}")
    with pytest.raises(CharterError) as caught:
        load_charter(timed_copy)
    assert caught.value.file == "members/UZB.yaml"
    assert "history" in caught.value.key
    assert problem in caught.value.problem


def test_a_scenario_step_on_the_day_sees_the_state_before_the_change_until_its_instant(
    timed_copy,
):
    charter = load_charter(timed_copy)
    scenario = parse_scenario(
        {
            "name": "the day of a suspension",
            "charter": "csto",
            "steps": [
                {"at": "2012-12-19", "do": "check", "expect": {"member.UZB.status": "member"}},
                {
                    "at": "2012-12-19T10:00+04:00",
                    "by": "UZB",
                    "do": "request_suspension",
                    "expect": {"allowed": True, "member.UZB.status": "member"},
                },
                {
                    "at": "2012-12-19T11:10+04:00",
                    "by": "UZB",
                    "do": "declare_participation_frozen",
                    "expect": {"allowed": False, "member.UZB.status": "suspended"},
                },
            ],
            "final": {"member.UZB.status": "suspended"},
        }
    )
    report = run_scenario(scenario, charter)
    assert [step.failures for step in report.steps] == [(), (), ()]
    assert report.final_failures == []
    assert report.steps[2].ruling is not None
    assert "since 2012-12-19 11:09+04:00" in report.steps[2].ruling.reasons[0].text
