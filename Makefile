# Two commands on a fresh machine (python3, pip and make only): `make demo` and `make test`.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(shell command -v $(PYTHON))
AS_OF ?=
PORT ?= 8000

.PHONY: demo test messages screenshots test-spark install lint typecheck contracts format clean bench bench-api bench-monitor bench-forces bench-load bench-scale bench-start

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv>=0.4,<1"

# Bytecode written once at install, as pip writes it for a wheel: where PYTHONDONTWRITEBYTECODE
# is set (as on CI), each `accord` command and each test's subprocess compiled every module again.
.venv/.installed: pyproject.toml | $(UV)
	$(UV) sync --quiet --compile-bytecode
	$(UV) run --no-sync python -m compileall -q -j 0 src
	touch $@

install: .venv/.installed

demo: install
	$(UV) run --no-sync accord treaty check
	$(UV) run --no-sync accord demo $(if $(AS_OF),--as-of $(AS_OF),)
	$(UV) run --no-sync accord demo-server --port $(PORT)

test: install lint contracts typecheck
	-scripts/ensure-postgres
	-scripts/ensure-chromium
	$(UV) run --no-sync pytest

# The README's screenshots of the dashboard (docs/screenshots/): a fresh demo database in a
# temporary folder, `accord serve` on it, Debian's chromium; commit the PNGs it rewrites.
screenshots: install
	scripts/ensure-chromium
	$(UV) run --no-sync python scripts/screenshots.py

# The spark-marked tests, which the default run deselects: they need Java and the spark extra.
# The plain `uv sync` of install drops pyspark again: harmless, only spark:// stores need it.
test-spark: | $(UV)
	$(UV) sync --quiet --extra spark
	$(UV) run --no-sync pytest -m spark

lint: install
	$(UV) run --no-sync ruff check src tests benchmarks
	$(UV) run --no-sync ruff format --check src tests benchmarks

typecheck: install
	$(UV) run --no-sync mypy

contracts: install
	$(UV) run --no-sync lint-imports

format: install
	$(UV) run --no-sync ruff format src tests benchmarks
	$(UV) run --no-sync ruff check --fix src tests benchmarks

clean:
	rm -rf $(TOOLS) .venv .pytest_cache .mypy_cache .ruff_cache

bench: install
	$(UV) run --no-sync python benchmarks/bench_bus.py

bench-api: install
	$(UV) run --no-sync python benchmarks/bench_api.py

# accord serve on SQLite and PostgreSQL under 32 clients mixing reads and writes for 60 s, beside a
# bare endpoint: answers, dropped connections, p50/p99, every acknowledged write in the journal.
# `make bench-load ARGS="--seconds 10 --clients 8"` to shorten. Then the writer alone, with and
# without group commit (ACCORD_MAX_BATCH=1).
bench-load: install
	$(UV) run --no-sync python -m benchmarks.bench_load --compare ACCORD_MAX_BATCH=1 $(ARGS)
	$(UV) run --no-sync python -m benchmarks.bench_writer

# GDELT ingest in rows/s, and the weekly indicator query on 10 million synthetic events: ibis
# against hand-written SQL and pandas. `make bench-monitor ARGS=--quick`: 1 million events.
bench-monitor: install
	$(UV) run --no-sync python benchmarks/bench_monitoring.py $(ARGS)

# Force matching on 2,000 units and 40 requirements: exact (HiGHS) per stage beside greedy.
# `make bench-forces ARGS="--units 500 --requirements 20 --seed 7"` for another instance.
bench-forces: install
	$(UV) run --no-sync python benchmarks/bench_matching.py $(ARGS)

# Start-up with read-model snapshots and without (full replay), a journal page of 100 on SQLite
# and PostgreSQL, and full verification, at 10k and 100k journal entries (generated through the
# bus once, then cached under the temporary folder). `ARGS="--sizes 2000,10000"` to shorten.
bench-scale: install
	-scripts/ensure-postgres
	$(UV) run --no-sync python benchmarks/bench_scale.py $(ARGS)

# How fast `accord` starts, beside `python -c "import typer, rich"` in the same run (median of 7):
# --help (and its peak memory), treaty check, members, serve until /health on an empty database.
bench-start: install
	$(UV) run --no-sync python benchmarks/bench_start.py $(ARGS)

# The dashboard's catalogs: extract the messages of its code and templates, merge them into the
# Russian and English .po, compile the .mo (committed, so a fresh clone and a wheel need no step).
DASHBOARD := src/accord/dashboard
messages: install
	cd $(DASHBOARD) && ../../../$(UV) run --no-sync pybabel extract -F babel.cfg --no-location \
		--sort-output --project Accord -o locale/messages.pot . \
		&& ../../../$(UV) run --no-sync pybabel update -i locale/messages.pot -d locale \
		--no-fuzzy-matching --width 100 \
		&& ../../../$(UV) run --no-sync pybabel compile -d locale --statistics
