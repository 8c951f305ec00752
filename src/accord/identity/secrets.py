"""Credentials: argon2 for passwords, random API tokens kept only as their SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from functools import cache, cached_property

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from accord.config import PasswordCost, Settings

TOKEN_PREFIX = "acc_"


class Passwords:
    """argon2id at the cost the settings give. A hash records the cost it was made at, and is
    checked at that cost: hashes made before the settings changed still match."""

    def __init__(self, cost: PasswordCost) -> None:
        self.cost = cost
        self._hasher = PasswordHasher(
            time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
        )

    def hash(self, password: str) -> str:
        """An argon2id hash of ``password`` (salted; the only form a password is stored in)."""
        return self._hasher.hash(password)

    def matches(self, password_hash: str, password: str) -> bool:
        """Whether ``password`` is the one ``password_hash`` was made from."""
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def burn(self, password: str) -> None:
        """Spend the time a real check takes, so a missing user cannot be told by the delay."""
        self.matches(self._decoy_hash, password)

    @cached_property
    def _decoy_hash(self) -> str:
        return self.hash(secrets.token_urlsafe(16))


@cache
def _passwords(cost: PasswordCost) -> Passwords:
    return Passwords(cost)


def passwords(settings: Settings) -> Passwords:
    """The password hasher of ``settings`` (one per cost, so the decoy hash is made once)."""
    return _passwords(settings.password_cost())


def new_token() -> str:
    """A fresh API token: 256 random bits, prefixed so a leaked one is easy to recognise."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """The SHA-256 of ``token``, hex: tokens carry 256 random bits, so no slow hash is needed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
