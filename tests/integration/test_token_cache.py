"""The server's token cache, on SQLite and PostgreSQL: what another process changes in the
database (a revocation, a deactivation) holds on the server's very next request."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text, update

from accord.adapters.db import make_engine
from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from accord.identity import repository as identity
from accord.identity.repository import REVOCATIONS_READ
from accord.identity.tables import api_tokens
from accord.identity.token_cache import TokenCache
from accord.service.runtime import Accord


@pytest.fixture
def accord(database_url: str) -> Iterator[Accord]:
    accord = sql_accord(Settings(database_url=database_url))
    yield accord
    accord.tokens.close()
    accord.engine.dispose()


@pytest.fixture
def elsewhere(accord: Accord) -> Iterator[Engine]:
    """An engine of its own on the same database: what `accord users revoke` would open."""
    engine = make_engine(accord.engine.url.render_as_string(hide_password=False))
    yield engine
    engine.dispose()


def user_with_token(engine: Engine, name: str, role: str = "analyst") -> tuple[str, str]:
    with engine.begin() as conn:
        principal = identity.add_user(conn, name, role)
        return identity.issue_token(conn, principal.user_id)


def me(client: TestClient, token: str) -> int:
    return client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_token_revoked_by_another_process_is_refused_on_the_very_next_request(accord, elsewhere):
    token_id, token = user_with_token(elsewhere, "analyst-1")
    with TestClient(create_app(accord=accord)) as client:
        assert [me(client, token), me(client, token)] == [200, 200]
        assert len(accord.tokens) == 1
        with elsewhere.begin() as conn:
            identity.revoke(conn, token_id)
        assert me(client, token) == 401


def test_a_deactivated_users_cached_principal_is_not_used(accord, elsewhere):
    _, token = user_with_token(elsewhere, "leaving")
    _, other = user_with_token(elsewhere, "staying")
    assert accord.tokens.principal(token).name == "leaving"
    assert accord.tokens.principal(other).name == "staying"
    with elsewhere.begin() as conn:
        identity.deactivate(conn, "leaving")
    assert accord.tokens.principal(token) is None
    assert accord.tokens.principal(other).name == "staying"


def test_an_unknown_token_is_refused_and_not_remembered(accord, elsewhere):
    _, token = user_with_token(elsewhere, "analyst-1")
    with TestClient(create_app(accord=accord)) as client:
        assert me(client, "acc_unknown") == 401
        assert me(client, token[:-1]) == 401
        assert me(client, "not-even-shaped-like-a-token") == 401
    assert len(accord.tokens) == 0


def test_the_cache_never_grows_past_its_bound_and_still_answers_for_every_token(accord):
    cache = TokenCache(accord.engine, size=3)
    tokens = {f"user-{n}": user_with_token(accord.engine, f"user-{n}")[1] for n in range(8)}
    try:
        for _ in range(2):
            for name, token in tokens.items():
                assert cache.principal(token).name == name
                assert len(cache) <= 3
        assert len(cache) == 3
    finally:
        cache.close()


def test_a_revocation_that_skips_the_counter_goes_unseen_so_every_revoke_raises_it(accord):
    # Why the counter exists: a cached principal is served without reading its token again.
    token_id, token = user_with_token(accord.engine, "analyst-1")
    assert accord.tokens.principal(token) is not None
    with accord.engine.begin() as conn:
        conn.execute(update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at="x"))
    assert accord.tokens.principal(token) is not None
    with accord.engine.begin() as conn:
        identity.count_revocation(conn)
    assert accord.tokens.principal(token) is None


def test_the_cache_reads_the_counter_again_when_its_connection_was_cut(postgres_url):
    accord = sql_accord(Settings(database_url=postgres_url))
    token_id, token = user_with_token(accord.engine, "analyst-1")
    try:
        assert accord.tokens.principal(token) is not None
        with accord.engine.begin() as conn:
            # As a restart of the server would: the reader's session ends under it.
            killed = conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query = :query AND pid <> pg_backend_pid()"
                ),
                {"query": REVOCATIONS_READ},
            ).all()
            identity.revoke(conn, token_id)
        assert killed
        assert accord.tokens.principal(token) is None
        assert accord.tokens.principal(user_with_token(accord.engine, "analyst-2")[1]) is not None
    finally:
        accord.tokens.close()
        accord.engine.dispose()
