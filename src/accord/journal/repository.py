"""The journal in the database: appended within the writer's transaction, read in order."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, Engine, insert, select, update

from accord.journal.model import GENESIS, Entry
from accord.journal.tables import journal_entries, journal_head

_COLUMNS = [c.name for c in journal_entries.columns]


def lock_head(connection: Connection) -> tuple[int, str]:
    """Take the journal's head for this transaction: (last seq, last hash)."""
    row = connection.execute(
        select(journal_head.c.seq, journal_head.c.hash)
        .where(journal_head.c.id == 1)
        .with_for_update()
    ).first()
    if row is None:
        connection.execute(insert(journal_head).values(id=1, seq=0, hash=GENESIS))
        return 0, GENESIS
    return int(row.seq), str(row.hash)


def append(connection: Connection, entry: Entry) -> None:
    connection.execute(insert(journal_entries).values(**entry.to_dict()))
    connection.execute(
        update(journal_head).where(journal_head.c.id == 1).values(seq=entry.seq, hash=entry.hash)
    )


def find(connection: Connection, request_key: str) -> Entry | None:
    row = connection.execute(
        select(journal_entries).where(journal_entries.c.request_key == request_key)
    ).first()
    return Entry(**{name: getattr(row, name) for name in _COLUMNS}) if row else None


def entries_after(connection: Connection, seq: int) -> Iterator[Entry]:
    rows = connection.execute(
        select(journal_entries).where(journal_entries.c.seq > seq).order_by(journal_entries.c.seq)
    )
    for row in rows:
        yield Entry(**{name: getattr(row, name) for name in _COLUMNS})


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
