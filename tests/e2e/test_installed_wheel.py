"""Accord installed as a user installs it: the wheel built from this checkout, in a fresh venv
outside it, run from a folder outside it, finds its charter, its demo data and its scenarios."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
HISTORY = [
    path
    for path in (CHECKOUT / "src/accord/simulation/scenarios").glob("*.yaml")
    if not path.name.startswith("whatif")
]


def uv() -> str:
    """The project's own uv (make install puts it in .tools), else one on PATH."""
    local = CHECKOUT / ".tools" / "bin" / "uv"
    found = str(local) if local.is_file() else shutil.which("uv")
    assert found, "no uv: run make install"
    return found


def call(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv holding the wheel and the versions the checkout's .venv
    resolved (from uv's cache: no download when make install has run)."""
    where = tmp_path_factory.mktemp("installed")
    call(uv(), "build", "--wheel", "--quiet", "--out-dir", where / "dist", cwd=CHECKOUT)
    (wheel,) = (where / "dist").glob("accord-*.whl")
    frozen = call(uv(), "pip", "freeze", "--python", sys.executable, cwd=where)
    pins = [line for line in frozen.splitlines() if "==" in line and not line.startswith("-e")]
    (where / "pins.txt").write_text("\n".join(pins) + "\n")
    venv = where / "venv"
    call(uv(), "venv", "--quiet", "--python", sys.executable, venv, cwd=where)
    python = venv / "bin" / "python"
    call(uv(), "pip", "install", "--quiet", "--python", python, "-c", "pins.txt", wheel, cwd=where)
    return venv / "bin"


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout and an environment that points nowhere in it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ACCORD_DATABASE", "ACCORD_EVENTS", "VIRTUAL_ENV", "PYTHON"))
    }
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    work = tmp_path / "work"
    work.mkdir()
    return work, env


@pytest.mark.slow
def test_the_installed_package_is_the_wheel_not_the_checkout(installed, outside):
    work, env = outside
    found = call(
        installed / "python", "-c", "import accord; print(accord.__file__)", cwd=work, env=env
    )
    assert Path(found.strip()).is_relative_to(installed.parent)


@pytest.mark.slow
def test_the_installed_accord_checks_its_bundled_charter(installed, outside):
    work, env = outside
    # Joined: rich wraps the line at the width of a terminal it does not have.
    out = " ".join(call(installed / "accord", "treaty", "check", cwd=work, env=env).split())
    assert out.startswith("valid: Collective Security Treaty Organization")
    assert re.search(r"\d+ articles, \d+ bodies", out), out


@pytest.mark.slow
def test_the_installed_demo_server_seeds_scenarios_events_and_accounts(installed, outside):
    work, env = outside
    out = " ".join(
        call(installed / "accord", "demo-server", "--no-serve", cwd=work, env=env).split()
    )
    assert f"— {len(HISTORY)} historical scenarios replayed" in out
    events = re.search(r"Demo events: (\d+) real GDELT and UCDP events", out)
    assert events, out
    assert int(events.group(1)) > 1000
    assert re.search(r"kaz-delegation delegation KAZ acc_\S+", out), out
    assert (Path(env["XDG_DATA_HOME"]) / "accord" / "accord.db").is_file()
    assert not list(work.iterdir()), "the demo wrote into the working folder"
