"""The ``>>>`` examples in accord's docstrings run: an example that no longer holds fails here."""

import doctest
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import accord


def _modules_with_examples() -> list[str]:
    # Only modules whose source shows an example are imported: importing every module would
    # load the event-data and solver libraries for nothing.
    found = []
    for info in pkgutil.walk_packages(accord.__path__, "accord."):
        spec = importlib.util.find_spec(info.name)
        origin = spec.origin if spec else None
        if origin and origin.endswith(".py") and ">>>" in Path(origin).read_text("utf-8"):
            found.append(info.name)
    return sorted(found)


MODULES = _modules_with_examples()


def test_the_examples_are_found_in_the_kernel_the_rules_and_the_partners():
    assert {"accord.kernel.time", "accord.partners.entry_rules"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_a_module_hold(name: str):
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module)
    examples = sum(len(test.examples) for test in tests)
    assert examples > 0, f"{name} shows '>>>' but doctest finds no example in it"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test)
    outcome = runner.summarize(verbose=False)
    assert outcome.failed == 0, f"{outcome.failed} of {outcome.attempted} examples fail in {name}"
