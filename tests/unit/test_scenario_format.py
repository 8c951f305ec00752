import copy
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.rules.loading import bundled_charter_path, load_charter
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import ScenarioError, parse_scenario

runner = CliRunner()
CSTO = load_charter(bundled_charter_path("csto"))
BASE = {
    "name": "a small Art. 4 case",
    "charter": "csto",
    "steps": [
        {
            "at": "2022-01-05T20:00+06:00",
            "by": "KAZ",
            "do": "file_request",
            "with": {
                "article": "CST-4",
                "threat": "aggression",
                "aggressor": "non_state",
                "where": "KAZ",
            },
            "as": "case",
            "expect": {"allowed": True},
        },
        {
            "by": "chair",
            "do": "convene_session",
            "with": {"body": "CSC", "extraordinary": True, "format": "video", "about": "case"},
            "as": "s1",
            "expect": {"chair": "ARM"},
        },
        {
            "by": "chair",
            "do": "table_draft",
            "with": {"session": "s1", "kind": "peacekeeping_operation", "case": "case"},
            "as": "d1",
        },
        {"by": "RUS", "do": "state_position", "with": {"draft": "d1", "position": "support"}},
    ],
    "final": {"case.stage": "consultations"},
}


def scenario(**changes):
    data = copy.deepcopy(BASE)
    for index, step in changes.pop("steps", {}).items():
        data["steps"][index] = step
    data.update(changes)
    return data


def error_of(data) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        run_scenario(parse_scenario(data), CSTO)
    return caught.value


def test_the_small_scenario_passes(csto):
    report = run_scenario(parse_scenario(BASE), csto)
    assert report.ok
    assert report.journal_entries == 4


def test_an_unknown_verb_names_the_step():
    data = scenario(steps={3: {"by": "RUS", "do": "vote", "with": {"draft": "d1"}}})
    error = error_of(data)
    assert error.step == 4
    assert "unknown verb 'vote'" in error.problem


def test_an_undefined_name_names_the_step():
    data = scenario(
        steps={
            3: {"by": "RUS", "do": "state_position", "with": {"draft": "d9", "position": "support"}}
        }
    )
    error = error_of(data)
    assert error.step == 4
    assert "'d9' is not defined" in error.problem


def test_a_malformed_date_names_the_step():
    data = scenario(steps={1: {**BASE["steps"][1], "at": "2022-01-32T10:00"}})
    error = error_of(data)
    assert error.step == 2
    assert "not a date" in error.problem


def test_a_position_by_a_state_for_another_state_names_the_step():
    data = scenario(
        steps={
            3: {
                "by": "RUS",
                "do": "state_position",
                "with": {"draft": "d1", "position": "support", "state": "BLR"},
            }
        }
    )
    error = error_of(data)
    assert error.step == 4
    assert "own position" in error.problem


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({**BASE["steps"][3], "expect": {"winner": "RUS"}}, "unknown expectation key"),
        ({**BASE["steps"][3], "when": "now"}, "Extra inputs are not permitted"),
        ({**BASE["steps"][3], "with": {"draft": "d1", "colour": "red"}}, "unknown key"),
    ],
)
def test_unknown_keys_are_errors_never_ignored(step, expected):
    error = error_of(scenario(steps={3: step}))
    assert error.step == 4
    assert expected in error.problem


def test_a_failing_expectation_fails_the_report_and_names_the_step(csto):
    data = scenario(steps={1: {**BASE["steps"][1], "expect": {"chair": "RUS"}}})
    report = run_scenario(parse_scenario(data), csto)
    assert not report.ok
    assert report.steps[1].failures == ("chair: expected 'RUS', got 'ARM'",)


def test_readers_name_the_states_that_may_read_a_case_a_session_or_a_draft(csto):
    members = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    check = {
        "by": "chair",
        "do": "check",
        "expect": {"case.readers": members, "s1.readers": members, "d1.readers": members},
    }
    data = scenario(final={"case.readers": ["KAZ"], "d1.readers": members, "nothing.readers": []})
    data["steps"].append(check)
    report = run_scenario(parse_scenario(data), csto)
    assert report.steps[-1].ok, report.steps[-1].failures
    # A restricted case with no list is read by every member; no record of that name fails.
    assert report.final_failures == [
        f"case.readers: expected ['KAZ'], got {members!r}",
        "nothing.readers: expected [], got None",
    ]


def test_a_refused_step_passes_only_when_it_expects_the_refusal(csto):
    filed = {"article": "CST-4", "threat": "aggression", "aggressor": "non_state", "where": "UZB"}
    refused = {"by": "UZB", "do": "file_request", "with": filed}
    report = run_scenario(parse_scenario(scenario(steps={3: refused})), csto)
    assert report.steps[3].failures[0].startswith("refused by the rules")
    expected = {**refused, "expect": {"allowed": False, "articles": ["REG-SUSPENSION-2004"]}}
    assert run_scenario(parse_scenario(scenario(steps={3: expected})), csto).ok


def test_a_step_goes_through_the_permissions_of_the_person_its_by_names(csto):
    """A state's step is its delegation's, which may not close a draft: the Secretariat does."""
    closing = {"by": "KAZ", "do": "close_draft", "with": {"draft": "d1"}}
    report = run_scenario(parse_scenario(scenario(steps={3: closing})), csto)
    assert report.steps[3].failures == (
        "refused by permission, and the step does not expect it: "
        "user delegation-KAZ (delegation) may not close_draft",
    )
    expected = {**closing, "expect": {"allowed": False}}
    assert run_scenario(parse_scenario(scenario(steps={3: expected})), csto).ok


def test_a_draft_not_released_to_the_sender_is_not_found_like_a_missing_one(csto):
    """Uzbekistan, suspended in 2022, is not released the members' draft: its position is
    answered as one on a draft that does not exist, and the step passes only with found: false."""
    hidden = {"by": "UZB", "do": "state_position", "with": {"draft": "d1", "position": "object"}}
    report = run_scenario(parse_scenario(scenario(steps={3: hidden})), csto)
    assert report.steps[3].failures[0] == (
        "not found, and the step does not expect it: draft 'draft-1' does not exist"
    )
    expected = {**hidden, "expect": {"found": False}}
    assert run_scenario(parse_scenario(scenario(steps={3: expected})), csto).ok
    found = {**BASE["steps"][3], "expect": {"found": False}}
    assert run_scenario(parse_scenario(scenario(steps={3: found})), csto).steps[3].failures == (
        "found: expected False, got True",
    )


def test_articles_may_be_written_with_the_instruments_year(csto):
    step = {**BASE["steps"][0], "expect": {"articles": ["CST-1992-4"]}}
    assert run_scenario(parse_scenario(scenario(steps={0: step})), csto).ok


def test_the_cli_exits_zero_one_or_two(tmp_path: Path):
    passing, failing, broken = (tmp_path / n for n in ("ok.yaml", "fail.yaml", "bad.yaml"))
    passing.write_text(yaml.safe_dump(BASE), encoding="utf-8")
    failing.write_text(yaml.safe_dump(scenario(final={"case.stage": "closed"})), encoding="utf-8")
    broken.write_text(yaml.safe_dump(scenario(steps={0: {"do": "file_request"}})), encoding="utf-8")
    ok = runner.invoke(app, ["scenario", "run", str(passing)])
    assert ok.exit_code == 0, ok.output
    assert "All expectations hold." in ok.output
    failed = runner.invoke(app, ["scenario", "run", str(failing), "--json"])
    assert failed.exit_code == 1
    assert "case.stage: expected 'closed'" in failed.output
    malformed = runner.invoke(app, ["scenario", "run", str(broken)])
    assert malformed.exit_code == 2
    assert "step 1" in malformed.output
