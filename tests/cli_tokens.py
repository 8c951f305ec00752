"""Users and their API tokens in a database the CLI is pointed at, for tests of CLIs that act
as a signed-in person (`accord send`, `accord monitor ingest`)."""

from __future__ import annotations

import pytest

from accord.bootstrap import database_engine
from accord.config import Settings
from accord.identity.repository import add_user, issue_token
from accord.journal.model import Entry
from accord.journal.repository import SqlJournal


def users_with_tokens(url: str, users: list[tuple[str, str, str | None]]) -> dict[str, str]:
    """Each (name, role, state) added to the database at ``url``, with its token."""
    engine = database_engine(Settings(database_url=url))
    tokens = {}
    try:
        with engine.begin() as connection:
            for name, role, state in users:
                user = add_user(connection, name, role, state)
                tokens[name] = issue_token(connection, user.user_id)[1]
    finally:
        engine.dispose()
    return tokens


def sign_in_as_analyst(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the CLI at ``url`` and sign it in, through ACCORD_TOKEN, as a new analyst."""
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    token = users_with_tokens(url, [("analyst", "analyst", None)])["analyst"]
    monkeypatch.setenv("ACCORD_TOKEN", token)


def configured_journal() -> list[Entry]:
    """The journal of the database the CLI is pointed at (ACCORD_DATABASE_URL)."""
    engine = database_engine(Settings())
    try:
        return list(SqlJournal(engine).entries())
    finally:
        engine.dispose()
