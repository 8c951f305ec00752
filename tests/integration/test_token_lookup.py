import pytest
from fastapi.testclient import TestClient

from accord.bootstrap import database_engine, sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from accord.identity import repository as identity


@pytest.fixture
def engine(database_url):
    engine = database_engine(Settings(database_url=database_url))
    yield engine
    engine.dispose()


def test_only_a_live_token_of_an_active_user_identifies_its_principal(engine):
    with engine.begin() as conn:
        kaz = identity.add_user(conn, "kaz-delegate", "delegation", "KAZ")
        live = identity.issue_token(conn, kaz.user_id)[1]
        revoked_id, revoked = identity.issue_token(conn, kaz.user_id)
        identity.revoke(conn, revoked_id)
        officer = identity.add_user(conn, "officer", "secretariat")
        staff = identity.issue_token(conn, officer.user_id)[1]
        gone = identity.add_user(conn, "gone", "analyst")
        deactivated = identity.issue_token(conn, gone.user_id)[1]
        identity.deactivate(conn, "gone")
    tokens = {
        live: kaz,
        staff: officer,
        revoked: None,
        deactivated: None,
        "acc_unknown": None,
        live.removeprefix("acc_"): None,
        "": None,
    }
    with engine.connect() as conn:
        for token, expected in tokens.items():
            assert identity.principal_for_token(conn, token) == expected, token


def test_a_token_revoked_while_the_server_runs_is_refused_at_once(sqlite_url):
    accord = sql_accord(Settings(database_url=sqlite_url))
    with accord.engine.begin() as conn:
        kaz = identity.add_user(conn, "kaz-delegate", "delegation", "KAZ")
        token_id, token = identity.issue_token(conn, kaz.user_id)
    client = TestClient(create_app(accord=accord))
    headers = {"Authorization": f"Bearer {token}"}
    try:
        assert client.get("/me", headers=headers).status_code == 200
        with accord.engine.begin() as conn:
            identity.revoke(conn, token_id)
        assert client.get("/me", headers=headers).status_code == 401
    finally:
        client.close()
        accord.engine.dispose()
