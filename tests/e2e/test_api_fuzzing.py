"""A Schemathesis stateful run over the API, on a real database behind FastAPI's TestClient:
sequences of calls chained by the OpenAPI links (a case filed, then read, deployed to and
closed), each body, path and query generated from the document. No answer may be a 5xx.

Each sequence starts from the same seeded database (a fresh copy), so that a sequence run
again gets the same answers, as Hypothesis requires. Bounded so that it runs in well under a
minute: a fixed number of sequences and steps, no deadline; the monitoring and journal
routes are left to their own packages' tests.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase
from starlette.types import ASGIApp, Receive, Scope, Send

from accord.adapters.db import make_engine
from accord.backup.reset import reset_local_state
from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from tests.api_client import ApiUsers

pytestmark = pytest.mark.slow
SETTINGS = hypothesis.settings(
    max_examples=25,
    stateful_step_count=6,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
#: Who sends a call, by where it goes: the role that may, so that commands get past the
#: permissions and create what the links then follow (anything else is sent as KAZ).
SENDERS = (
    ("POST /sessions", "secretariat"),
    ("POST /drafts/{draft_id}/closure", "secretariat"),
    ("POST /instruments", "secretariat"),
    ("POST /operations", "secretariat"),
    ("POST /exercise-plans", "joint_staff"),
    ("POST /exercises", "joint_staff"),
    ("POST /units/{unit_id}/visits", "joint_staff"),
    ("POST /cases/{case_id}/requirements", "joint_staff"),
    ("POST /cases/{case_id}/deployments", "joint_staff"),
    ("POST /prepared-requests", "analyst"),
    ("GET /journal", "admin"),
)


def sender(method: str, path: str) -> str:
    call = f"{method} {path}"
    return next((who for start, who in SENDERS if call.startswith(start)), "KAZ")


class Swappable:
    """The app the schema calls, swapped for a fresh one before each sequence."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("fuzz")
    users = ApiUsers(f"sqlite:///{folder / 'seed.db'}")
    tokens = dict(users.tokens)
    users.close()
    return folder, tokens


def test_no_sequence_of_calls_gets_a_server_error(seeded):
    folder, tokens = seeded
    statuses: Counter[int] = Counter()
    runs = Counter[str]()
    front = Swappable(create_app(accord=fresh(folder, "first")))
    schema = schemathesis.openapi.from_asgi("/openapi.json", front)
    schema = schema.exclude(path_regex=r"^/(monitor|journal)")

    class Calls(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            runs["sequences"] += 1
            front.app.state.accord.close()
            front.app = create_app(accord=fresh(folder, "run"))

        def before_call(self, case: Any) -> None:
            # Over any Authorization the case was generated with: the calls are to get past it.
            who = sender(case.method, case.path)
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {tokens[who]}"}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            statuses[response.status_code] += 1
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} answered {response.status_code}: "
                f"{response.text[:500]}"
            )

    try:
        Calls.run(settings=SETTINGS)
    finally:
        front.app.state.accord.close()
    tried = sum(statuses.values())
    refused = sum(n for status, n in statuses.items() if 400 <= status < 500)
    print(
        f"\nschemathesis: {runs['sequences']} sequences, {tried} calls, {refused} refused "
        f"cleanly (4xx), by status {dict(sorted(statuses.items()))}"
    )
    assert tried > 60
    assert statuses[201] > 0  # commands got through, so the links had records to follow
    assert not [status for status in statuses if status >= 500]


def fresh(folder: Path, name: str) -> Any:
    """An Accord on a fresh copy of the seeded database."""
    for suffix in ("", "-wal", "-shm"):
        (folder / f"{name}.db{suffix}").unlink(missing_ok=True)
    shutil.copy(folder / "seed.db", folder / f"{name}.db")
    events = folder / f"{name}-events.duckdb"
    events.unlink(missing_ok=True)
    settings = Settings(database_url=f"sqlite:///{folder / name}.db", events_url=str(events))
    address = make_engine(str(settings.database_url))
    reset_local_state(settings, address)  # a database recreated at the same address
    address.dispose()
    return sql_accord(settings)
