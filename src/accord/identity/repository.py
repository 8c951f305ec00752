"""Users and API tokens in the database: only hashes and digests are ever written."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from accord.identity.model import Principal, Role, check_binding, parse_role
from accord.identity.secrets import TOKEN_PREFIX, Passwords, new_token, token_digest
from accord.identity.tables import api_tokens, revocation_counter, users
from accord.kernel.errors import InvalidInput, NotFound

_NAME_LENGTH = 64


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _principal(row: Any) -> Principal:
    return Principal(user_id=row.id, name=row.name, role=Role(row.role), state=row.state)


def _check_name(name: str) -> None:
    if not name or name != name.strip():
        raise InvalidInput("name", "required, without leading or trailing spaces")
    if len(name) > _NAME_LENGTH:
        raise InvalidInput("name", f"at most {_NAME_LENGTH} characters")
    # `revoke` takes a user name or a token id: a name shaped like a token id would be ambiguous.
    if name.startswith("tok-"):
        raise InvalidInput("name", "must not start with 'tok-'")


def add_user(
    conn: Connection,
    name: str,
    role: Role | str,
    state: str | None = None,
    password: str | None = None,
    *,
    passwords: Passwords | None = None,
) -> Principal:
    """Add an active user; a delegation names its state, a password is optional (hashed by
    ``passwords``, the settings' hasher)."""
    _check_name(name)
    role = parse_role(role)
    check_binding(role, state)
    if password == "":
        raise InvalidInput("password", "must not be empty")
    if password is not None and passwords is None:
        raise TypeError("add_user: a password needs the settings' hasher (passwords=...)")
    if conn.execute(select(users.c.id).where(users.c.name == name)).first():
        raise InvalidInput("name", f"a user named {name!r} already exists")
    principal = Principal(f"user-{secrets.token_hex(12)}", name, role, state)
    conn.execute(
        insert(users).values(
            id=principal.user_id,
            name=name,
            role=str(role),
            state=state,
            password_hash=passwords.hash(password) if password and passwords else None,
            active=True,
            created_at=_now(),
        )
    )
    return principal


def issue_token(conn: Connection, user_id: str, label: str = "") -> tuple[str, str]:
    """A new token for an active user: its id, and the token itself (shown once, never stored)."""
    active = conn.execute(select(users.c.active).where(users.c.id == user_id)).scalar()
    if active is None:
        raise NotFound(f"user {user_id!r} does not exist")
    if not active:
        raise InvalidInput("user_id", f"user {user_id!r} is deactivated")
    token_id, token = f"tok-{secrets.token_hex(12)}", new_token()
    conn.execute(
        insert(api_tokens).values(
            id=token_id,
            user_id=user_id,
            digest=token_digest(token),
            label=label,
            created_at=_now(),
            revoked_at=None,
        )
    )
    return token_id, token


#: Built once: building the statement and its cache key on every request cost more than
#: running it (the token is checked on every API call).
_LIVE_TOKEN = (
    select(users)
    .join(api_tokens, api_tokens.c.user_id == users.c.id)
    .where(
        api_tokens.c.digest == bindparam("digest"),
        api_tokens.c.revoked_at.is_(None),
        users.c.active.is_(True),
    )
)


def principal_for_token(conn: Connection, token: str) -> Principal | None:
    """The active user a live token belongs to; None for an unknown or revoked token."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    return principal_for_digest(conn, token_digest(token))


def principal_for_digest(conn: Connection, digest: str) -> Principal | None:
    """As principal_for_token, by the token's digest (what the token cache keys by)."""
    row = conn.execute(_LIVE_TOKEN, {"digest": digest}).first()
    return _principal(row) if row else None


#: Plain SQL, as the token cache runs it on every request straight through the driver.
REVOCATIONS_READ = f"SELECT value FROM {revocation_counter.name} WHERE id = 1"


def count_revocation(conn: Connection) -> None:
    """Raise the revocation counter in the caller's transaction, so that every server's token
    cache forgets its principals on its next request. Every change that may refuse a token
    (revoking it, deactivating or changing its user) must call this."""
    counter = revocation_counter.c
    raised = conn.execute(update(revocation_counter).values(value=counter.value + 1))
    if raised.rowcount == 0:  # a schema built by create_all, not by the migrations
        conn.execute(insert(revocation_counter).values(id=1, value=1))


def login(conn: Connection, name: str, password: str, passwords: Passwords) -> Principal | None:
    """The active user ``name`` if ``password`` is theirs; None otherwise, whatever the reason."""
    row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None or row.password_hash is None:
        passwords.burn(password)
        return None
    if not passwords.matches(row.password_hash, password) or not row.active:
        return None
    return _principal(row)


def list_users(conn: Connection) -> list[dict[str, Any]]:
    """Every user with the number of live tokens; no hash leaves this function."""
    live = (
        select(api_tokens.c.user_id, func.count().label("tokens"))
        .where(api_tokens.c.revoked_at.is_(None))
        .group_by(api_tokens.c.user_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            users.c.id,
            users.c.name,
            users.c.role,
            users.c.state,
            users.c.active,
            users.c.created_at,
            func.coalesce(live.c.tokens, 0).label("tokens"),
        )
        .outerjoin(live, live.c.user_id == users.c.id)
        .order_by(users.c.name)
    )
    return [
        {
            "id": row.id,
            "name": row.name,
            "role": row.role,
            "state": row.state,
            "active": bool(row.active),
            "tokens": int(row.tokens),
            "created_at": row.created_at,
        }
        for row in rows
    ]


def revoke(conn: Connection, name_or_token_id: str) -> int:
    """Revoke one token by id, or every live token of the named user; how many were revoked."""
    live = api_tokens.c.revoked_at.is_(None)
    if conn.execute(select(api_tokens.c.id).where(api_tokens.c.id == name_or_token_id)).first():
        chosen = api_tokens.c.id == name_or_token_id
    else:
        user_id = conn.execute(select(users.c.id).where(users.c.name == name_or_token_id)).scalar()
        if user_id is None:
            raise NotFound(f"no user or token {name_or_token_id!r}")
        chosen = api_tokens.c.user_id == user_id
    count_revocation(conn)
    return conn.execute(update(api_tokens).where(chosen, live).values(revoked_at=_now())).rowcount


def deactivate(conn: Connection, name: str) -> None:
    """Stop the named user signing in, by password or by any token, keeping the record."""
    result = conn.execute(update(users).where(users.c.name == name).values(active=False))
    if result.rowcount == 0:
        raise NotFound(f"user {name!r} does not exist")
    count_revocation(conn)
