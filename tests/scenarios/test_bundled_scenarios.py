"""Every bundled scenario replays cleanly: each step holds and its journal verifies."""

from pathlib import Path

import pytest

from accord.rules.loading import bundled_charter_path, load_charter
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
BUNDLED = sorted(SCENARIOS.glob("*.yaml"))


def test_the_bundled_scenarios_folder_holds_scenarios():
    assert BUNDLED, f"no scenario in {SCENARIOS}"


@pytest.mark.parametrize("path", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_bundled_scenario_passes_and_its_journal_verifies(path: Path):
    scenario = load_scenario(path)
    charter = load_charter(bundled_charter_path(scenario.charter))

    report = run_scenario(scenario, charter)

    failed = {step.number: step.failures for step in report.steps if not step.ok}
    assert not failed, f"{path.name}: steps that did not hold: {failed}"
    assert not report.final_failures, f"{path.name}: final: {report.final_failures}"
    assert report.journal_problems == (), f"{path.name}: journal: {report.journal_problems}"
    assert report.ok
