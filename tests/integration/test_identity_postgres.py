import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, select, text

from accord.adapters.schema import metadata
from accord.identity import repository as identity
from accord.identity.tables import api_tokens, revocation_counter, users
from accord.kernel.errors import InvalidInput

URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def engine() -> Iterator[Engine]:
    """A schema of its own for this test, so it never touches anyone else's tables."""
    schema = f"identity_test_{secrets.token_hex(6)}"
    admin = create_engine(URL)
    with admin.begin() as conn:  # no server is a failure: .ci/run starts it
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        metadata.create_all(engine, tables=[users, api_tokens, revocation_counter])
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_a_token_authenticates_its_user_until_it_is_revoked(engine, hasher):
    with engine.begin() as conn:
        principal = identity.add_user(
            conn, "kaz-delegate", "delegation", "KAZ", "pass phrase", passwords=hasher
        )
        token_id, token = identity.issue_token(conn, principal.user_id)
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, token) == principal
        assert identity.login(conn, "kaz-delegate", "pass phrase", hasher) == principal
        assert identity.login(conn, "kaz-delegate", "wrong", hasher) is None
    with engine.begin() as conn:
        assert identity.revoke(conn, token_id) == 1
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, token) is None


def test_postgres_holds_no_plaintext_token_or_password(engine, hasher):
    with engine.begin() as conn:
        principal = identity.add_user(
            conn, "admin", "admin", password="pass phrase", passwords=hasher
        )
        _, token = identity.issue_token(conn, principal.user_id)
        stored = repr([tuple(r) for r in conn.execute(select(users))]) + repr(
            [tuple(r) for r in conn.execute(select(api_tokens))]
        )
    assert token not in stored
    assert "pass phrase" not in stored


def test_postgres_refuses_a_duplicate_name_and_counts_live_tokens(engine):
    with engine.begin() as conn:
        principal = identity.add_user(conn, "twin", "analyst")
        identity.issue_token(conn, principal.user_id)
        identity.issue_token(conn, principal.user_id)
        with pytest.raises(InvalidInput) as refused:
            identity.add_user(conn, "twin", "analyst")
        assert refused.value.field == "name"
        assert identity.revoke(conn, "twin") == 2
        identity.deactivate(conn, "twin")
        [listed] = identity.list_users(conn)
    assert (listed["tokens"], listed["active"]) == (0, False)
