"""The charter loader on a real charter (NATO's, the small one) with one file replaced by
arbitrary text or by its own data with one value changed anywhere: the answer is a Charter
or a CharterError naming the file (and the key, when there is one); nothing else, ever.
Bounded so that each test takes seconds (``--hypothesis-show-statistics`` tallies them)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from accord.kernel.errors import CharterError
from accord.rules.loading import bundled_charter_path, load_charter
from tests.unit.test_fuzz_scenarios import VALUES, changed, paths

pytestmark = pytest.mark.slow
# 30 changed files per property, not 60: each loads the whole charter (about 0.25 s).
FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SOURCE = bundled_charter_path("nato")
#: Every file load_charter reads (the rule cases are the tests' own).
FILES = sorted(
    str(p.relative_to(SOURCE)) for p in SOURCE.rglob("*.yaml") if p.parts[-2] != "rule_cases"
)


@pytest.fixture(scope="module")
def charter_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target: Path = tmp_path_factory.mktemp("fuzz") / "nato"
    shutil.copytree(SOURCE, target)
    return target


def answer(folder: Path, relative: str, content: str) -> str:
    """Load the charter with ``relative`` holding ``content``; the kind of answer."""
    path = folder / relative
    original = path.read_bytes()
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        load_charter(folder)
    except CharterError as error:
        return refusal(error)
    finally:
        path.write_bytes(original)
    return "loaded"


def refusal(error: CharterError) -> str:
    """Which folder's file was refused, and whether a key was named, for the tally."""
    if not (error.file and error.problem):
        raise AssertionError(f"a refusal names the file and the problem: {error!r}")
    return f"refused: {'a key' if error.key else 'the file'} of {error.file.split('/')[0]}"


def data_of(relative: str) -> Any:
    return yaml.safe_load((SOURCE / relative).read_text(encoding="utf-8"))


@FUZZ
@given(relative=st.sampled_from(FILES), text=st.text(max_size=300))
def test_a_file_of_arbitrary_text_loads_or_is_a_charter_error(charter_copy, relative, text):
    event(answer(charter_copy, relative, text))


@FUZZ
@given(data=st.data(), relative=st.sampled_from(FILES), value=VALUES)
def test_a_file_with_any_value_changed_loads_or_is_refused_naming_it(
    charter_copy, data, relative, value
):
    original = data_of(relative)
    where = data.draw(st.sampled_from(paths(original)))
    mutated = changed(copy.deepcopy(original), where, value)
    text = yaml.safe_dump(mutated, allow_unicode=True, default_style=None)
    event(answer(charter_copy, relative, text))


def test_the_copy_is_whole_again_after_the_fuzzing(charter_copy):
    assert load_charter(charter_copy) == load_charter(SOURCE)
