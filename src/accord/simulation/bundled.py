"""The scenarios shipped inside the package (``accord/simulation/scenarios/``), read through
importlib.resources, so that an installed wheel finds them as a checkout does."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from accord.simulation.scenario import Scenario, load_scenario

SUFFIX = ".yaml"


def scenario_files() -> list[Traversable]:
    """Every bundled scenario, historical and what-if, by file name."""
    folder = resources.files("accord.simulation") / "scenarios"
    found = [entry for entry in folder.iterdir() if entry.name.endswith(SUFFIX)]
    return sorted(found, key=lambda entry: entry.name)


def scenario_names() -> list[str]:
    return [entry.name.removesuffix(SUFFIX) for entry in scenario_files()]


def bundled_scenario(name: str) -> Traversable | None:
    """The bundled scenario called ``name`` (``kazakhstan-2022``, with or without ``.yaml``)."""
    wanted = name if name.endswith(SUFFIX) else name + SUFFIX
    return next((entry for entry in scenario_files() if entry.name == wanted), None)


def load_bundled(entry: Traversable) -> Scenario:
    # as_file: the strict YAML reader checks the file's size and kind on the file system.
    with resources.as_file(entry) as path:
        return load_scenario(path)


def historical_scenarios() -> list[Scenario]:
    """The bundled scenarios of what happened (not the what-ifs), in the order they began."""
    scenarios = [
        load_bundled(entry) for entry in scenario_files() if not entry.name.startswith("whatif")
    ]
    return sorted(scenarios, key=lambda scenario: scenario.steps[0].at.date())
