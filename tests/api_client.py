"""A test client of the REST API with a token for every role and every delegation."""

from __future__ import annotations

import shutil
import tempfile
from typing import Any

from fastapi.testclient import TestClient

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from accord.identity.repository import add_user, issue_token
from accord.identity.secrets import passwords

STAFF = ("admin", "secretariat", "joint_staff", "analyst", "observer_liaison")
DELEGATIONS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB", "AZE", "SRB")


class ApiUsers:
    def __init__(self, database_url: str, events_url: str | None = None) -> None:
        # Event data beside the test database, never in the user's data directory.
        self.events_dir = tempfile.mkdtemp(prefix="accord-events-")
        events_url = events_url or f"{self.events_dir}/events.duckdb"
        self.accord = sql_accord(Settings(database_url=database_url, events_url=events_url))
        self.client = TestClient(create_app(accord=self.accord))
        self.tokens: dict[str, str] = {}
        self.passwords = passwords(self.accord.settings)
        with self.accord.engine.begin() as connection:
            for role in STAFF:
                self.tokens[role] = self._user(connection, role, role, None)
            for state in DELEGATIONS:
                self.tokens[state] = self._user(connection, state.lower(), "delegation", state)

    def _user(self, connection: Any, name: str, role: str, state: str | None) -> str:
        password = "a long pass phrase"
        principal = add_user(connection, name, role, state, password, passwords=self.passwords)
        return issue_token(connection, principal.user_id)[1]

    def headers(self, who: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}", **extra}

    def get(self, who: str, path: str, **params: Any) -> Any:
        return self.client.get(path, headers=self.headers(who), params=params)

    def post(self, who: str, path: str, body: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.client.post(path, json=body or {}, headers=self.headers(who, **headers))

    def close(self) -> None:
        self.client.close()
        self.accord.close()
        shutil.rmtree(self.events_dir, ignore_errors=True)
