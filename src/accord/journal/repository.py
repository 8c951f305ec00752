"""The journal in the database: appended within the writer's transaction, read in order.

Each row keeps the entry's canonical bytes (``body``), and the entry is read back from them:
the hash check is a SHA-256 over exactly what is served.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from accord.journal.model import GENESIS, Entry
from accord.journal.stored import StoredRow
from accord.journal.tables import journal_entries, journal_head

# Built once: SQLAlchemy then finds each one's compiled form without rebuilding the statement
# and its cache key on every command (a large share of a write's time).
_HEAD = (
    select(journal_head.c.seq, journal_head.c.hash).where(journal_head.c.id == 1).with_for_update()
)
_HEAD_SEQ = select(journal_head.c.seq).where(journal_head.c.id == 1)
_HEAD_ROW = select(journal_head.c.seq, journal_head.c.hash).where(journal_head.c.id == 1)
_FIRST_HEAD = insert(journal_head).values(id=1, seq=0, hash=GENESIS)
_APPEND = insert(journal_entries)
_MOVE_HEAD = (
    update(journal_head)
    .where(journal_head.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)
_BY_REQUEST_KEY = select(journal_entries.c.hash, journal_entries.c.body).where(
    journal_entries.c.request_key == bindparam("request_key")
)
_AFTER = (
    select(journal_entries.c.hash, journal_entries.c.body)
    .where(journal_entries.c.seq > bindparam("after"))
    .order_by(journal_entries.c.seq)
)
_ROWS_AFTER = (
    select(
        journal_entries.c.seq,
        journal_entries.c.request_key,
        journal_entries.c.hash,
        journal_entries.c.body,
    )
    .where(journal_entries.c.seq > bindparam("after"))
    .order_by(journal_entries.c.seq)
)
#: Every row's seq, hash and whether its body gives that hash: hashed by PostgreSQL itself
#: (pg_catalog's, not whatever a search path finds), by Python here for SQLite.
_SEALED_IN_POSTGRES = (
    "SELECT seq, hash, encode(pg_catalog.sha256(body), 'hex') = hash "
    "FROM journal_entries ORDER BY seq"
)
_SEALED_IN_SQLITE = "SELECT seq, hash, body FROM journal_entries ORDER BY seq"
#: Rows fetched at a time when a whole journal is read (PostgreSQL: a server-side cursor).
_CHUNK = 5000
# LIMIT in the statement: without it PostgreSQL sends every row after ``after`` for one page.
_PAGE = _AFTER.limit(bindparam("limit"))
_HASH_AT = select(journal_entries.c.hash).where(journal_entries.c.seq == bindparam("seq"))


def lock_head(connection: Connection) -> tuple[int, str]:
    """Take the journal's head for this transaction: (last seq, last hash)."""
    row = connection.execute(_HEAD).first()
    if row is None:
        connection.execute(_FIRST_HEAD)
        return 0, GENESIS
    return int(row.seq), str(row.hash)


def head_seq(connection: Connection) -> int:
    """The last seq, read without taking the head."""
    return int(connection.execute(_HEAD_SEQ).scalar() or 0)


def append(connection: Connection, entries: Sequence[Entry]) -> None:
    """Entries sealed in order onto the head, in one statement, and the head moved once."""
    if not entries:
        return
    rows = [
        {"seq": e.seq, "request_key": e.request_key, "hash": e.hash, "body": e.stored_body()}
        for e in entries
    ]
    connection.execute(_APPEND, rows)
    last = entries[-1]
    connection.execute(_MOVE_HEAD, {"new_seq": last.seq, "new_hash": last.hash})


def find(connection: Connection, request_key: str) -> Entry | None:
    row = connection.execute(_BY_REQUEST_KEY, {"request_key": request_key}).first()
    return Entry.from_body(row.body, row.hash) if row else None


def entries_after(connection: Connection, seq: int) -> Iterator[Entry]:
    rows = connection.execute(_AFTER, {"after": seq})
    for row in rows:
        yield Entry.from_body(row.body, row.hash)


def page_after(connection: Connection, seq: int, limit: int) -> list[Entry]:
    """At most ``limit`` entries after ``seq``, oldest first: one page, read as one."""
    rows = connection.execute(_PAGE, {"after": seq, "limit": limit})
    return [Entry.from_body(row.body, row.hash) for row in rows]


def hash_at(connection: Connection, seq: int) -> str | None:
    """The hash of entry ``seq``, or None if the journal has no such entry."""
    found = connection.execute(_HASH_AT, {"seq": seq}).scalar()
    return None if found is None else str(found)


class SqlJournal:
    """A read-only view of the journal table with the Journal protocol (for verify and replay)
    and the StoredJournal one (for the checks of its seal), each call on its own connection;
    ``snapshot()`` gives one whose calls all see the same committed state."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def entries(self) -> Iterator[Entry]:
        with self.engine.connect() as connection:
            yield from entries_after(connection, 0)

    def head(self) -> tuple[int, str]:
        return self.head_row()

    def head_row(self) -> tuple[int, str]:
        with self.engine.connect() as connection:
            return JournalSnapshot(connection).head_row()

    def rows(self, after: int = 0, limit: int | None = None) -> Iterator[StoredRow]:
        with self.engine.connect() as connection:
            yield from JournalSnapshot(connection).rows(after, limit)

    def sealed_hashes(self) -> Iterator[list[tuple[int, str, bool]]]:
        with self.engine.connect() as connection:
            yield from JournalSnapshot(connection).sealed_hashes()

    @contextmanager
    def snapshot(self) -> Iterator[JournalSnapshot]:
        """The journal as one transaction sees it: a check that reads it in several queries
        never mistakes a concurrent commit for a missing or a stray entry."""
        with self.engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield JournalSnapshot(connection)


class JournalSnapshot:
    """The StoredJournal protocol on one connection."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def head_row(self) -> tuple[int, str]:
        row = self.connection.execute(_HEAD_ROW).first()
        return (int(row.seq), str(row.hash)) if row else (0, GENESIS)

    def rows(self, after: int = 0, limit: int | None = None) -> Iterator[StoredRow]:
        statement = _ROWS_AFTER if limit is None else _ROWS_AFTER.limit(limit)
        for row in self._streamed().execute(statement, {"after": after}):
            yield StoredRow(row.seq, row.request_key, row.hash, bytes(row.body))

    def sealed_hashes(self) -> Iterator[list[tuple[int, str, bool]]]:
        # On the driver's own cursor, in the snapshot's transaction, a chunk at a time: at
        # start this reads every row, and row objects would cost more than the hashing.
        cursor = self.connection.connection.cursor()
        try:
            if self.connection.dialect.name == "postgresql":
                cursor.execute(_SEALED_IN_POSTGRES)
                while rows := cursor.fetchmany(_CHUNK):
                    yield [(seq, hash, bool(sound)) for seq, hash, sound in rows]
                return
            sha256 = hashlib.sha256
            cursor.execute(_SEALED_IN_SQLITE)
            while rows := cursor.fetchmany(_CHUNK):
                yield [(seq, hash, sha256(body).hexdigest() == hash) for seq, hash, body in rows]
        finally:
            cursor.close()

    def _streamed(self) -> Connection:
        # PostgreSQL: a server-side cursor, so a whole journal is never in memory at once.
        return self.connection.execution_options(stream_results=True, yield_per=_CHUNK)
