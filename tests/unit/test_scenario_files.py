"""`accord scenario run` on files that are not scenarios: too large, not regular, bombs of
aliases, nesting, tags, steps out of time; each exits 2 naming the file, the step or the
key, at once, and never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.rules.yamlfiles import MAX_YAML_BYTES
from tests.unit.test_scenario_format import BASE

runner = CliRunner()
LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(8)
)


def run(path: Path) -> tuple[int, str]:
    done = runner.invoke(app, ["scenario", "run", str(path)])
    assert "Traceback" not in done.output
    return done.exit_code, " ".join(done.output.split())


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_50_mb_one_line_file_is_refused_by_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 1024 * 1024)
    assert run(path) == (
        2,
        f"error: {path}: 52,428,800 bytes, more than the {MAX_YAML_BYTES:,} allowed",
    )


def test_a_device_is_refused_without_reading_it():
    status, said = run(Path("/dev/zero"))
    assert (status, said) == (
        2,
        "error: /dev/zero: not a regular file (a device, a pipe, a folder)",
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (LAUGHS, "more than 100,000 values once its aliases are expanded"),
        ("steps: " + "[" * 100 + "]" * 100, "nested more than 64 levels deep"),
        ("name: &n [x, *n]\n", "the alias *n is inside the node it names"),
        ("name: !!python/object/apply:os.system [ls]\n", "explicit tags such as"),
        ("name: x\nname: y\n", "duplicate key 'name'"),
        ("? [a]\n: b\n", "a key must be a plain value"),
        ("name: x\nsteps: [{at: 2022-13-45, do: check}]\n", "'2022-13-45' is not a valid value"),
        ("name: x\n---\nname: y\n", "expected a single document"),
        ("- just\n- a list\n", "file: Input should be a valid dictionary"),
        ("name: x\nsteps: []\n", "steps: List should have at least 1 item"),
    ],
    ids=[
        "billion-laughs",
        "deep",
        "recursive-alias",
        "tag",
        "duplicate",
        "list-key",
        "month-13",
        "two-documents",
        "a-list",
        "no-steps",
    ],
)
def test_a_file_that_is_no_scenario_exits_2_naming_why(tmp_path, text, says):
    status, said = run(written(tmp_path, text))
    assert status == 2
    assert says in said


@pytest.mark.parametrize(
    ("at", "says"),
    [
        ("9999-12-31T23:59", "step 1: at: 9999-12-31T23:59:00 is outside 1900-01-01 to 2099-12-31"),
        ("0001-01-01T00:00+05:00", "step 1: at: 0001-01-01T00:00:00+05:00 is outside"),
        (5, "step 1: at.str: Input should be a valid string"),
    ],
    ids=["year-9999", "year-1-with-offset", "a-number"],
)
def test_a_step_out_of_time_exits_2_naming_the_step(tmp_path, at, says):
    steps = [{**BASE["steps"][0], "at": at}, *BASE["steps"][1:]]
    status, said = run(written(tmp_path, yaml.safe_dump({**BASE, "steps": steps})))
    assert status == 2
    assert says in said


def test_anchors_and_aliases_within_the_bounds_still_serve(tmp_path):
    text = yaml.safe_dump(BASE, sort_keys=False)
    text = text.replace("name: a small", "name: &title a small", 1)
    text = text.replace("charter: csto", "description: *title\ncharter: csto", 1)
    status, said = run(written(tmp_path, text))
    assert status == 0, said
