"""The force-matching benchmark: its generated instances are valid exchange files, and a small
run prints the figures, the greedy gap and the verdict on the aim."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from accord.forces.matching.instance import instance_dict, load_instance

BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "bench_matching.py"


def load_benchmark() -> ModuleType:
    """benchmarks/bench_matching.py as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_matching", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark()


def test_the_benchmark_instance_is_a_valid_exchange_file(bench: ModuleType, tmp_path: Path):
    # At this size the generator once drew an end of availability before its start, which
    # the instance reader refuses: the dump handed to reviewers has to load.
    instance = bench.generate(2000, 40, 2022)
    bench.dump_instance(instance, tmp_path / "instance.json")
    assert instance_dict(load_instance(tmp_path / "instance.json")) == instance_dict(instance)


def test_a_small_run_prints_the_figures_and_the_verdict(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    dump = tmp_path / "small.json"
    options = ["--units", "400", "--requirements", "12", "--time-limit", "0.3"]
    assert bench.main([*options, "--dump", str(dump)]) == 0
    printed = capsys.readouterr().out
    assert "instance: 400 units, 12 requirements" in printed
    for figure in bench.FIGURES:
        assert figure in printed
    assert "aim, a proven optimal answer in under 2 s:" in printed
    assert load_instance(dump).units[0].id.endswith("-0001")
