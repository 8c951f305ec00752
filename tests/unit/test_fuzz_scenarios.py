"""The scenario parser and runner on arbitrary text, on YAML made of hostile pieces (anchors,
aliases, tags, flow brackets, documents) and on near-valid scenarios (a real one with a value
changed anywhere): the answer is a report or a ScenarioError naming the step or the key;
nothing else, ever. Bounded so that each test takes seconds (``--hypothesis-show-statistics``
tallies the answers)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from accord.rules.loading import bundled_charter_path, load_charter
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import ScenarioError, load_scenario
from tests.unit.test_scenario_format import BASE

pytestmark = pytest.mark.slow
FUZZ = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CSTO = load_charter(bundled_charter_path("csto"))
PIECES = st.sampled_from(
    [
        "&a ",
        "*a",
        "&b ",
        "*b",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "- ",
        "? ",
        "\n",
        "  ",
        "---\n",
        "!!int ",
        "!!python/name:os.system ",
        "<<: ",
        "name",
        "steps",
        "do",
        "check",
        "at",
        "2022-01-05",
        "2022-13-45",
        "9" * 30,
        "'",
        '"',
        "#",
        "|\n",
        "\t",
        "~",
        "null",
        ".inf",
    ]
)
VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=20),
        st.dates(),
        st.datetimes(timezones=st.just(dt.UTC)),
        st.sampled_from(["KAZ", "chair", "case", "d1", "s1", "CST-4", "support", "CSC"]),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def answer(text: str) -> str:
    """Load and run ``text`` as a scenario file; the kind of answer, for the tally."""
    with tempfile.TemporaryDirectory(prefix="accord-fuzz-") as folder:
        path = Path(folder) / "scenario.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            report = run_scenario(load_scenario(path), CSTO)
        except ScenarioError as error:
            return refusal(error)
    return "ran: " + ("ok" if report.ok else "an expectation failed")


def refusal(error: ScenarioError) -> str:
    """The step (or the file) and the rule a refusal names, for the tally."""
    if not error.problem:
        raise AssertionError(f"a refusal says why: {error!r}")
    where = f"step {error.step}" if error.step else "file"
    return f"refused ({where}): {re.split(r'[:(]', error.problem)[0][:40]}"


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


def changed(scenario: dict, path: tuple, value: Any) -> dict:
    result = copy.deepcopy(scenario)
    if not path:
        return value
    target = result
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return result


@FUZZ
@given(text=st.text(max_size=400))
def test_arbitrary_text_is_a_scenario_error_or_a_report(text):
    event(answer(text))


@FUZZ
@given(pieces=st.lists(PIECES, max_size=40))
def test_yaml_of_hostile_pieces_is_a_scenario_error_or_a_report(pieces):
    event(answer("".join(pieces)))


@FUZZ
@given(path=st.sampled_from(paths(BASE)), value=VALUES, also=st.sampled_from(paths(BASE)))
def test_a_real_scenario_with_any_value_changed_is_refused_naming_it_or_runs(path, value, also):
    mutated = changed(BASE, path, value)
    if also != path and isinstance(mutated, dict):
        with contextlib.suppress(KeyError, IndexError, TypeError):
            mutated = changed(mutated, also, None)  # unless the first removed where it goes
    event(answer(yaml.safe_dump(mutated, allow_unicode=True)))
