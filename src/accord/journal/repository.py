"""The journal in the database: appended within the writer's transaction, read in order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from accord.journal.model import GENESIS, Entry
from accord.journal.tables import journal_entries, journal_head

_COLUMNS = [c.name for c in journal_entries.columns]

# Built once: SQLAlchemy then finds each one's compiled form without rebuilding the statement
# and its cache key on every command (a large share of a write's time).
_HEAD = (
    select(journal_head.c.seq, journal_head.c.hash).where(journal_head.c.id == 1).with_for_update()
)
_HEAD_SEQ = select(journal_head.c.seq).where(journal_head.c.id == 1)
_FIRST_HEAD = insert(journal_head).values(id=1, seq=0, hash=GENESIS)
_APPEND = insert(journal_entries)
_MOVE_HEAD = (
    update(journal_head)
    .where(journal_head.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)
_BY_REQUEST_KEY = select(journal_entries).where(
    journal_entries.c.request_key == bindparam("request_key")
)
_AFTER = (
    select(journal_entries)
    .where(journal_entries.c.seq > bindparam("after"))
    .order_by(journal_entries.c.seq)
)
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
    connection.execute(_APPEND, [entry.to_dict() for entry in entries])
    last = entries[-1]
    connection.execute(_MOVE_HEAD, {"new_seq": last.seq, "new_hash": last.hash})


def find(connection: Connection, request_key: str) -> Entry | None:
    row = connection.execute(_BY_REQUEST_KEY, {"request_key": request_key}).first()
    return Entry(**{name: getattr(row, name) for name in _COLUMNS}) if row else None


def entries_after(connection: Connection, seq: int) -> Iterator[Entry]:
    rows = connection.execute(_AFTER, {"after": seq})
    for row in rows:
        yield Entry(**{name: getattr(row, name) for name in _COLUMNS})


def page_after(connection: Connection, seq: int, limit: int) -> list[Entry]:
    """At most ``limit`` entries after ``seq``, oldest first: one page, read as one."""
    rows = connection.execute(_PAGE, {"after": seq, "limit": limit})
    return [Entry(**{name: getattr(row, name) for name in _COLUMNS}) for row in rows]


def hash_at(connection: Connection, seq: int) -> str | None:
    """The hash of entry ``seq``, or None if the journal has no such entry."""
    found = connection.execute(_HASH_AT, {"seq": seq}).scalar()
    return None if found is None else str(found)


class SqlJournal:
    """A read-only view of the journal table with the Journal protocol (for verify and replay)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def entries(self) -> Iterator[Entry]:
        with self.engine.connect() as connection:
            yield from entries_after(connection, 0)

    def head(self) -> tuple[int, str]:
        with self.engine.connect() as connection:
            row = connection.execute(select(journal_head.c.seq, journal_head.c.hash)).first()
        return (int(row.seq), str(row.hash)) if row else (0, GENESIS)
