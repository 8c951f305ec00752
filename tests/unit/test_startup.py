"""The `accord` command starts in a blink (issue 13): in a fresh interpreter, importing it,
asking it for help, checking the treaty or listing the members loads none of the libraries
of event data, the solver, the web, the database, or the commands that use them."""

import json
import subprocess
import sys

import pytest

#: Each library a command that does not use it must not load, and why it is heavy.
FORBIDDEN = {
    "ibis": "event data: the monitoring store's query layer",
    "duckdb": "event data: the default event store",
    "pyarrow": "event data: the columnar reader of ACLED and GDELT files",
    "pandas": "event data: pulled in by ibis and DuckDB results",
    "polars": "event data: an optional dataframe backend",
    "numpy": "event data: the forecasts",
    "scipy": "the solver of force matching (HiGHS), and the geography of events",
    "ortools": "the CP-SAT solver of force matching",
    "stix2": "the STIX export of alerts",
    "taxii2client": "the TAXII client beside the STIX export",
    "fastapi": "the web: the REST API, loaded by `accord serve` only",
    "starlette": "the web: under FastAPI",
    "uvicorn": "the web: the server of `accord serve`",
    "httpx": "the web: the HTTP client of `accord journal audit`",
    "sqlalchemy": "the database: only commands that open it load it",
    "alembic": "the database: its schema migrations",
    "psycopg": "the database: the PostgreSQL driver",
    "argon2": "the database: password hashing of `accord users`",
}

PROBE = """
import json, sys
argv = sys.argv[1:]
import accord.entrypoints.cli as cli
if argv:
    sys.argv = ["accord", *argv]
    try:
        cli.main()
    except SystemExit as stop:
        if stop.code:
            raise
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_after(*argv: str) -> set[str]:
    """The top-level packages loaded once ``accord ARGV`` ran in a fresh interpreter (the
    import alone with no ARGV)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stderr.strip().splitlines()[-1])
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    "argv",
    [(), ("--help",), ("treaty", "check"), ("members",)],
    ids=["import", "help", "treaty-check", "members"],
)
def test_the_cli_loads_no_event_data_solver_web_or_database_library(argv, tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_DATABASE_URL", f"sqlite:///{tmp_path / 'accord.db'}")
    loaded = loaded_after(*argv)
    assert {name: FORBIDDEN[name] for name in sorted(loaded & FORBIDDEN.keys())} == {}
    assert "accord" in loaded  # the probe ran the command itself


def test_the_help_names_every_command_without_loading_them():
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--help"], capture_output=True, text=True, timeout=120
    )
    for command in ("treaty", "members", "send", "serve", "users", "monitor", "forces", "db"):
        assert f"  {command} " in done.stdout


def test_the_forecast_help_names_the_models_the_forecast_knows():
    from accord.monitoring.forecast import MODELS
    from accord.monitoring.forecast_cli import MODEL_NAMES

    assert tuple(MODELS) == MODEL_NAMES
