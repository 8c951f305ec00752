"""Signing in with a name and a password, as the API's POST /auth/token and the dashboard's
login page both do it: the throttle first, then the password, then a new token; each
throttled attempt journaled. One code path, so the two entry points cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from accord.identity.model import Principal
from accord.identity.repository import issue_token, login
from accord.identity.secrets import passwords
from accord.identity.throttle import LoginThrottle, login_keys
from accord.kernel.messages import Actor
from accord.rules.ruling import Because
from accord.service.runtime import Accord


@dataclass(frozen=True)
class SignedIn:
    principal: Principal
    token_id: str
    token: str


@dataclass(frozen=True)
class Throttled:
    """Too many wrong passwords: the password was not checked; retry after ``wait`` s."""

    wait: int


def sign_in(
    accord: Accord,
    throttle: LoginThrottle,
    name: str,
    password: str,
    address: str | None,
    label: str = "login",
) -> SignedIn | Throttled | None:
    """A new token for ``name`` if ``password`` is theirs; None for a wrong name or password."""
    keys = login_keys(name, address)
    wait = throttle.retry_after(keys)
    if wait:
        journal_throttled(accord, name, address, wait)
        return Throttled(wait)
    with accord.engine.connect() as connection:
        principal = login(connection, name, password, passwords(accord.settings))
    if principal is None:
        throttle.failed(keys)
        return None
    throttle.succeeded(keys[:1])  # the account's; an address stays suspect
    # A write of its own, taking SQLite's write lock as it begins: a read that turned into a
    # write would be refused outright (busy) whenever another write had committed meanwhile.
    writing = accord.engine.connect().execution_options(writing=True)
    with writing as connection, connection.begin():
        token_id, plain = issue_token(connection, principal.user_id, label)
    return SignedIn(principal, token_id, plain)


def journal_throttled(accord: Accord, name: str, address: str | None, wait: int) -> None:
    """Each throttled attempt is journaled (by the writer, without waiting for it)."""
    at = accord.now()
    because = Because("permission", at.date())
    because.refuse(f"login as {name} throttled after repeated wrong passwords ({wait} s left)")
    payload = {"address": address, "retry_after": wait}
    accord.record_refusal("log in", Actor(name, None, "anonymous"), at, because.ruling(), payload)


def sign_out(accord: Accord, token: str) -> None:
    """Revoke the token a signed-in page was using (its own, found by its digest: the caller
    names no token id it could have borrowed)."""
    from sqlalchemy import select

    from accord.identity.repository import revoke
    from accord.identity.secrets import token_digest
    from accord.identity.tables import api_tokens

    writing = accord.engine.connect().execution_options(writing=True)
    with writing as connection, connection.begin():
        found = select(api_tokens.c.id).where(api_tokens.c.digest == token_digest(token))
        token_id = connection.execute(found).scalar()
        if token_id is not None:
            revoke(connection, token_id)
