from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from accord.adapters.db import make_engine
from accord.adapters.schema import metadata
from accord.identity import repository as identity
from accord.identity.model import Principal, Role, check_binding
from accord.identity.tables import api_tokens, users
from accord.kernel.errors import InvalidInput


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path}/t.db")
    metadata.create_all(engine)
    return engine


def add_with_token(engine: Engine, name: str, **kwargs: Any) -> tuple[Principal, str, str]:
    with engine.begin() as conn:
        principal = identity.add_user(conn, name, **kwargs)
        token_id, token = identity.issue_token(conn, principal.user_id, label="test")
    return principal, token_id, token


def test_a_token_authenticates_its_user(engine):
    principal, _, token = add_with_token(engine, "kaz-delegate", role="delegation", state="KAZ")
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, token) == principal
    assert principal.role is Role.DELEGATION
    assert principal.state == "KAZ"
    assert not principal.is_staff


def test_an_unknown_token_authenticates_no_one(engine):
    add_with_token(engine, "analyst-1", role="analyst")
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, "acc_not-a-real-token") is None
        assert identity.principal_for_token(conn, "") is None


def test_a_revoked_token_does_not_authenticate(engine):
    _, token_id, token = add_with_token(engine, "secretary", role="secretariat")
    with engine.begin() as conn:
        assert identity.revoke(conn, token_id) == 1
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, token) is None


def test_revoking_a_user_by_name_revokes_every_live_token(engine):
    principal, _, first = add_with_token(engine, "staff", role="joint_staff")
    with engine.begin() as conn:
        _, second = identity.issue_token(conn, principal.user_id)
        assert identity.revoke(conn, "staff") == 2
        assert identity.revoke(conn, "staff") == 0
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, first) is None
        assert identity.principal_for_token(conn, second) is None


def test_a_deactivated_user_can_neither_use_a_token_nor_log_in(engine, hasher):
    _, _, token = add_with_token(
        engine, "former", role="admin", password="correct horse", passwords=hasher
    )
    with engine.begin() as conn:
        identity.deactivate(conn, "former")
    with engine.connect() as conn:
        assert identity.principal_for_token(conn, token) is None
        assert identity.login(conn, "former", "correct horse", hasher) is None


def test_the_database_holds_no_plaintext_token_or_password(engine, hasher):
    password = "a long and secret passphrase"
    _, _, token = add_with_token(engine, "admin", role="admin", password=password, passwords=hasher)
    with engine.connect() as conn:
        user_rows = [tuple(row) for row in conn.execute(select(users))]
        token_rows = [tuple(row) for row in conn.execute(select(api_tokens))]
        listed = identity.list_users(conn)
    stored = repr(user_rows + token_rows)
    assert token not in stored
    assert token.removeprefix("acc_") not in stored
    assert password not in stored
    assert user_rows[0][4].startswith("$argon2id$")
    assert "password_hash" not in listed[0]
    assert "$argon2" not in repr(listed)


def test_the_right_password_logs_in_and_a_wrong_one_fails(engine, hasher):
    with engine.begin() as conn:
        principal = identity.add_user(
            conn, "chief", "analyst", password="right one", passwords=hasher
        )
    with engine.connect() as conn:
        assert identity.login(conn, "chief", "right one", hasher) == principal
        assert identity.login(conn, "chief", "wrong one", hasher) is None
        assert identity.login(conn, "nobody", "right one", hasher) is None


def test_a_user_without_a_password_cannot_log_in(engine, hasher):
    add_with_token(engine, "bot", role="public")
    with engine.connect() as conn:
        assert identity.login(conn, "bot", "", hasher) is None


def test_a_delegation_without_a_state_is_refused_naming_the_field(engine):
    with engine.begin() as conn, pytest.raises(InvalidInput) as refused:
        identity.add_user(conn, "stateless", "delegation")
    assert refused.value.field == "state"


@pytest.mark.parametrize(
    ("role", "state"),
    [(Role.DELEGATION, "kaz"), (Role.DELEGATION, "KZ"), (Role.ANALYST, "KAZ")],
)
def test_a_state_is_three_capital_letters_and_only_for_a_delegation(role, state):
    with pytest.raises(InvalidInput) as refused:
        check_binding(role, state)
    assert refused.value.field == "state"


def test_an_unknown_role_is_refused_naming_the_field(engine):
    with engine.begin() as conn, pytest.raises(InvalidInput) as refused:
        identity.add_user(conn, "someone", "emperor")
    assert refused.value.field == "role"


def test_a_duplicate_name_is_refused(engine):
    add_with_token(engine, "twin", role="observer_liaison")
    with engine.begin() as conn, pytest.raises(InvalidInput) as refused:
        identity.add_user(conn, "twin", "analyst")
    assert refused.value.field == "name"


def test_the_user_list_counts_live_tokens(engine):
    principal, token_id, _ = add_with_token(engine, "listed", role="analyst")
    with engine.begin() as conn:
        identity.issue_token(conn, principal.user_id)
        identity.revoke(conn, token_id)
        [listed] = identity.list_users(conn)
    assert listed.pop("created_at")
    assert listed == {
        "id": principal.user_id,
        "name": "listed",
        "role": "analyst",
        "state": None,
        "active": True,
        "tokens": 1,
    }


def test_staff_are_the_organizations_own_roles():
    staff = {role for role in Role if Principal("u", "n", role, None).is_staff}
    assert staff == {Role.ADMIN, Role.SECRETARIAT, Role.JOINT_STAFF, Role.ANALYST}


def test_a_password_without_the_settings_hasher_is_refused(engine):
    with engine.begin() as conn, pytest.raises(TypeError, match="passwords="):
        identity.add_user(conn, "chief", "analyst", password="right one")
