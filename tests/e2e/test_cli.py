import json
import re

from typer.testing import CliRunner

from accord.entrypoints.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_treaty_check_reports_the_charter_valid():
    result = run("treaty", "check", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["valid"] is True


def test_treaty_check_names_the_file_of_a_broken_charter(nato_copy):
    (nato_copy / "members/FIN.yaml").write_text("code: FIN\n", encoding="utf-8")
    result = run("treaty", "check", "--charter", str(nato_copy))
    assert result.exit_code == 2
    assert "members/FIN.yaml" in result.output


def test_explain_refuses_an_article_4_request_about_non_state_attackers_in_2005():
    result = run(
        "treaty",
        "explain",
        "--as-of",
        "2005-03-01",
        "--json",
        "request",
        "by=KAZ",
        "article=CST-4",
        "where=KAZ",
        "threat=aggression",
        "aggressor=non_state",
    )
    assert result.exit_code == 0, result.output
    ruling = json.loads(result.output)
    assert ruling["allowed"] is False
    assert ruling["articles"] == ["CST-4"]


def test_explain_allows_the_same_request_in_2022_and_names_the_un_report():
    result = run(
        "treaty",
        "explain",
        "--as-of",
        "2022-01-06",
        "request",
        "by=KAZ",
        "article=CST-4",
        "where=KAZ",
        "threat=aggression",
        "aggressor=non_state",
    )
    assert result.exit_code == 0, result.output
    assert "ALLOWED" in result.output
    assert "UN Security Council" in result.output


def test_explain_names_an_unknown_field():
    result = run("treaty", "explain", "request", "by=KAZ", "colour=red")
    assert result.exit_code == 2
    assert "colour" in result.output


def test_explain_rejects_a_malformed_date():
    result = run("treaty", "explain", "--as-of", "2022-13-01", "chair")
    assert result.exit_code == 2
    assert "--as-of" in result.output


def test_members_as_of_2010_include_uzbekistan_and_not_azerbaijan():
    result = run("members", "--as-of", "2010-06-01", "--json")
    rows = {row["state"]: row["status"] for row in json.loads(result.output)["members"]}
    assert rows["UZB"] == "member"
    assert rows["AZE"] == "not_renewed"


def test_chair_on_the_day_of_the_kazakhstan_request_is_armenia():
    result = run("chair", "--as-of", "2022-01-06", "--json")
    assert json.loads(result.output)["chair"] == "ARM"


def test_a_date_before_the_treaty_gets_a_clear_answer():
    result = run("members", "--as-of", "1990-01-01", "--json")
    assert result.exit_code == 0
    assert all(row["status"] == "not_a_party" for row in json.loads(result.output)["members"])
    result = run("chair", "--as-of", "1990-01-01")
    assert "did not exist yet" in result.output


def test_demo_shows_both_wordings_of_article_4():
    result = run("demo", "--as-of", "2010-06-01")
    assert result.exit_code == 0, result.output
    text = re.sub(r"[│\s]+", " ", result.output)
    assert "Aggression by any state or group of states" in text
    assert "At the request of the attacked party" in text


def test_a_bundled_scenario_runs_by_name_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    listed = run("scenario", "list")
    assert {"kazakhstan-2022", "operations-channel-2023-2025"} <= set(listed.stdout.split())
    result = run("scenario", "run", "operations-channel-2023-2025")
    assert result.exit_code == 0, result.output
    assert "All expectations hold." in result.output


def test_a_scenario_that_is_neither_a_file_nor_bundled_is_named():
    result = run("scenario", "run", "kazakhstan-2033")
    assert result.exit_code == 2
    assert "kazakhstan-2033: no such file, nor a bundled scenario" in result.output
