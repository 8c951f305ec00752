"""Migration 0006: every journal row becomes the canonical bytes its hash covers, or, if a row
does not give its own hash, the upgrade stops naming it and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.dialects import postgresql

from accord.adapters.db import make_engine
from accord.adapters.migrate import alembic_config, revisions, upgrade
from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.journal.model import GENESIS, Entry
from accord.journal.repository import SqlJournal
from accord.journal.soundness import JournalUnsound
from accord.journal.verify import verify

_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
OLD_ENTRIES = sa.table(
    "journal_entries",
    *(sa.column(name) for name in ("seq", "at", "actor", "command", "allowed")),
    *(sa.column(name, _JSON) for name in ("payload", "articles", "reasons", "events", "details")),
    *(sa.column(name) for name in ("request_key", "prev", "hash")),
)
HEAD = sa.table("journal_head", sa.column("id"), sa.column("seq"), sa.column("hash"))


def old_journal(count: int) -> list[Entry]:
    entries, previous = [], GENESIS
    for seq in range(1, count + 1):
        entry = Entry(
            seq=seq,
            at=dt.datetime(2022, 1, 5, 20, seq, tzinfo=dt.UTC).isoformat(),
            actor="KAZ",
            command="file_request",
            payload={"article": "CST-4", "summary": f"attacks nº {seq}", "strength": 1.5},
            allowed=seq % 2 == 1,
            articles=["CST-4"],
            reasons=["ok"],
            events=[],
            request_key=f"kaz:{seq}" if seq == 2 else None,
            prev=previous,
        ).sealed()
        entries.append(entry)
        previous = entry.hash
    return entries


def at_revision_5(url: str, entries: list[Entry], change: dict | None = None) -> sa.Engine:
    engine = make_engine(url)
    config = alembic_config()
    with engine.connect().execution_options(writing=True) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        rows = [entry.to_dict() for entry in entries]
        if change:
            rows[change["row"]] |= change["fields"]
        connection.execute(sa.insert(OLD_ENTRIES), rows)
        connection.execute(sa.update(HEAD).values(seq=entries[-1].seq, hash=entries[-1].hash))
    return engine


def test_the_upgrade_turns_every_row_into_the_bytes_its_hash_covers(database_url):
    entries = old_journal(7)
    engine = at_revision_5(database_url, entries)
    upgrade(engine)
    stored = list(SqlJournal(engine).entries())
    assert stored == entries
    assert verify(stored).ok
    assert all(entry.body == original.body for entry, original in zip(stored, entries, strict=True))
    engine.dispose()
    accord = sql_accord(Settings(database_url=database_url))  # checked, then signed
    assert accord.seal is not None
    assert accord.seal.size == 7
    accord.close()


def test_a_row_edited_before_the_upgrade_stops_it_naming_the_entry(database_url):
    entries = old_journal(5)
    engine = at_revision_5(
        database_url, entries, {"row": 3, "fields": {"payload": {"article": "CST-2"}}}
    )
    with pytest.raises(JournalUnsound, match="entry 4: its columns do not give its hash"):
        upgrade(engine)
    assert revisions(engine)[0] == "0005"
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(OLD_ENTRIES)).scalar() == 5
        columns = {c["name"] for c in sa.inspect(connection).get_columns("journal_entries")}
    assert "body" not in columns
    assert "payload" in columns
    engine.dispose()
