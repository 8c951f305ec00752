"""The identity tables: users, and their API tokens kept only as digests."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table

from accord.adapters.schema import metadata

users = Table(
    "users",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(32), nullable=False),
    Column("state", String(3), nullable=True),
    # argon2 hashes only; NULL for a user who signs in with tokens alone.
    Column("password_hash", String(255), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("created_at", String(40), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("user_id", String(32), ForeignKey("users.id"), nullable=False, index=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("label", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40), nullable=True),
)

#: One row (id 1) whose value rises with every change that may refuse a token a server has
#: cached (a revocation, a deactivation), in that change's transaction: each server's token
#: cache reads it on every request and forgets what it holds when it moved.
revocation_counter = Table(
    "revocation_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", Integer, nullable=False),
)
