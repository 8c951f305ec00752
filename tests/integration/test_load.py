"""The stress test: a real `accord serve` on loopback, 16 clients reading and writing at once
for a few seconds, on SQLite and on PostgreSQL. Nothing is timed here (speed is for `make
bench-load`, beside its baseline); what is asserted is that nothing is lost or broken."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.load.clients import run_clients
from tests.load.results import Tally, missing_acks, verification
from tests.load.servers import postgres_schema
from tests.load.stage import accord_stage

CLIENTS, SECONDS = 16, 5.0
TIMEOUT = 20.0  # for one answer: a run lasts SECONDS + TIMEOUT at most


@dataclass
class Loaded:
    tally: Tally
    missing: list[str]
    verification: dict[str, object]
    log: str

    def last_traceback(self) -> str:
        return self.log[self.log.rfind("Traceback") :][-2000:] if "Traceback" in self.log else ""


def load(database_url: str, folder: Path) -> Loaded:
    with accord_stage(database_url, folder) as stage:
        url, secretariat = stage.server.url, stage.tokens["secretariat"]
        run = run_clients(url, CLIENTS, SECONDS, stage.workload.next, timeout=TIMEOUT)
        tally = Tally(run)
        missing = missing_acks(url, secretariat, stage.seeded + tally.acks())
        return Loaded(tally, missing, verification(url, secretariat), stage.server.log_text())


# One run per database, shared by the tests below so each property fails on its own.
@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    folder = tmp_path_factory.mktemp(f"load-{request.param}")
    if request.param == "sqlite":
        return load(f"sqlite:///{folder / 'accord.db'}", folder)
    with postgres_schema() as database_url:
        return load(database_url, folder)


def test_reads_and_writes_were_both_answered(loaded: Loaded) -> None:
    # Without acknowledged writes and answered reads the other tests would prove nothing.
    assert loaded.tally.statuses("write")[201] > 0
    assert loaded.tally.statuses("read")[200] > 0


def test_no_answer_is_a_server_error(loaded: Loaded) -> None:
    count = loaded.tally.classes()["5xx"]
    assert count == 0, (
        f"{count} answers 5xx ({loaded.tally.example_5xx()})\n{loaded.last_traceback()}"
    )


def test_no_connection_is_dropped(loaded: Loaded) -> None:
    errors = loaded.tally.errors()
    after_5xx = loaded.tally.dropped_after_5xx()
    assert not errors, f"dropped connections: {dict(errors)}, {after_5xx} of them right after a 5xx"


def test_every_acknowledged_write_is_in_the_journal(loaded: Loaded) -> None:
    assert loaded.missing == [], (
        f"{len(loaded.missing)} acknowledged writes missing: {loaded.missing[:5]}"
    )


def test_the_journal_verifies(loaded: Loaded) -> None:
    assert loaded.verification["ok"] is True, loaded.verification["problems"]
