"""The server's token -> principal cache: most requests skip the token lookup, and a token
revoked by any process (``accord users revoke``, another server) is refused on the next one."""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from typing import Any

from sqlalchemy import Engine

from accord.identity.model import Principal
from accord.identity.repository import REVOCATIONS_READ, principal_for_digest
from accord.identity.secrets import TOKEN_PREFIX, token_digest

SIZE = 4096


class TokenCache:
    """The principals of live tokens, by the token's SHA-256 (never the token), ``size`` at most,
    the least recently used dropped first.

    Whatever may refuse a token raises the revocation counter in its own transaction
    (``repository.count_revocation``); every lookup reads the counter first and forgets every
    entry when it moved, so a revocation committed before a request began holds for it. The
    read is one primary-key SELECT straight through the driver, on a connection kept for it
    outside the pool, in autocommit so each read sees the latest commit: checking a connection
    out of the pool (with PostgreSQL's pre-ping) and SQLAlchemy's execute cost ten times the
    query. Unknown tokens are not remembered: a flood of them cannot push the live ones out,
    and a token issued a moment ago is found at once.
    """

    def __init__(self, engine: Engine, size: int = SIZE) -> None:
        self.size = size
        self._engine = engine
        self._entries: OrderedDict[str, Principal] = OrderedDict()
        self._counter: int | None = None  # the counter the entries were read under
        self._lock = threading.Lock()  # the requests' threads share the entries and the reader
        self._reader: Any = None  # the counter's DB-API connection, opened on first use

    def __len__(self) -> int:
        return len(self._entries)

    def principal(self, token: str) -> Principal | None:
        """The active user a live token belongs to; None for an unknown or revoked token."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        digest = token_digest(token)
        with self._lock:
            counter = self._read_counter()
            if counter != self._counter:
                self._entries.clear()
                self._counter = counter
            cached = self._entries.get(digest)
            if cached is not None:
                self._entries.move_to_end(digest)
                return cached
        # Read after the counter: a revocation this lookup misses raises the counter later.
        with self._engine.connect() as connection:
            principal = principal_for_digest(connection, digest)
        with self._lock:
            # Kept only if no request has seen the counter move since (it may be revoked).
            if principal is not None and self._counter == counter:
                self._entries[digest] = principal
                if len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return principal

    def close(self) -> None:
        """Close the counter's connection (a later lookup opens another)."""
        reader, self._reader = self._reader, None
        if reader is not None:
            with contextlib.suppress(self._engine.dialect.loaded_dbapi.Error):
                reader.close()  # an error: it was broken already, nothing left to release

    def _read_counter(self) -> int:
        try:
            return self._counter_now()
        except self._engine.dialect.loaded_dbapi.Error:
            # The kept connection may have broken (the database restarted): once more, anew.
            self.close()
            return self._counter_now()

    def _counter_now(self) -> int:
        if self._reader is None:
            self._reader = self._open()
        cursor = self._reader.cursor()
        cursor.execute(REVOCATIONS_READ)
        rows = cursor.fetchall()  # to the end, so SQLite ends the read at once
        cursor.close()
        return int(rows[0][0]) if rows else 0

    def _open(self) -> Any:
        reader = self._engine.raw_connection()
        reader.detach()  # kept for good: not the pool's to lend out or to count
        connection = reader.dbapi_connection
        assert connection is not None, "a connection just checked out is open"
        self._engine.dialect.set_isolation_level(connection, "AUTOCOMMIT")
        return reader
