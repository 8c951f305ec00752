"""Every bundled scenario replays cleanly: each step holds and its journal verifies."""

from importlib.resources.abc import Traversable

import pytest

from accord.rules.loading import bundled_charter_path, load_charter
from accord.simulation.bundled import load_bundled, scenario_files
from accord.simulation.runner import run_scenario

BUNDLED = scenario_files()


def test_the_bundled_scenarios_folder_holds_scenarios():
    assert len(BUNDLED) >= 10, [entry.name for entry in BUNDLED]


@pytest.mark.parametrize("path", BUNDLED, ids=[path.name.removesuffix(".yaml") for path in BUNDLED])
def test_bundled_scenario_passes_and_its_journal_verifies(path: Traversable):
    scenario = load_bundled(path)
    charter = load_charter(bundled_charter_path(scenario.charter))

    report = run_scenario(scenario, charter)

    failed = {step.number: step.failures for step in report.steps if not step.ok}
    assert not failed, f"{path.name}: steps that did not hold: {failed}"
    assert not report.final_failures, f"{path.name}: final: {report.final_failures}"
    assert report.journal_problems == (), f"{path.name}: journal: {report.journal_problems}"
    assert report.ok
