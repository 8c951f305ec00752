"""Forgeries of a stopped server's journal, made as someone with write access to its database
would make them (SQL on the rows, the project's own hash function), for the tests of the seal."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from accord.adapters.db import make_engine
from accord.journal.model import Entry


def rows(url: str) -> list[Any]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(text("SELECT seq, hash, body FROM journal_entries ORDER BY seq"))
            )
    finally:
        engine.dispose()


def _run(url: str, statements: list[tuple[str, dict[str, Any]]]) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for statement, values in statements:
                connection.execute(text(statement), values)
    finally:
        engine.dispose()


def edit_in_place(url: str, seq: int, old: bytes, new: bytes) -> None:
    """Change entry ``seq``'s stored bytes, without rehashing."""
    body = next(row.body for row in rows(url) if row.seq == seq)
    assert old in bytes(body), f"entry {seq} holds no {old!r}"
    changed = bytes(body).replace(old, new, 1)
    _run(url, [("UPDATE journal_entries SET body = :b WHERE seq = :s", {"b": changed, "s": seq})])


def rewrite_from(url: str, seq: int, payload: dict[str, Any]) -> None:
    """Entry ``seq``'s payload changed and every hash from there recomputed with the project's
    own sealing, the chain and journal_head made to agree: a history rewritten cleanly."""
    statements, previous = [], None
    for row in rows(url):
        entry = Entry.from_body(bytes(row.body), row.hash)
        if row.seq < seq:
            previous = row.hash
            continue
        fields = entry.to_dict() | {"hash": ""}
        if row.seq == seq:
            fields["payload"] = {**entry.payload, **payload}
        if previous is not None:
            fields["prev"] = previous
        forged = Entry(**fields).sealed()
        statements.append(
            (
                "UPDATE journal_entries SET body = :b, hash = :h WHERE seq = :s",
                {"b": forged.body, "h": forged.hash, "s": row.seq},
            )
        )
        previous = forged.hash
    statements.append(("UPDATE journal_head SET hash = :h WHERE id = 1", {"h": previous}))
    _run(url, statements)


def cut_newest(url: str, count: int) -> int:
    """The newest ``count`` entries deleted and journal_head moved back to match; how many are
    left."""
    kept = rows(url)[:-count]
    last = kept[-1]
    _run(
        url,
        [
            ("DELETE FROM journal_entries WHERE seq > :s", {"s": last.seq}),
            (
                "UPDATE journal_head SET seq = :s, hash = :h WHERE id = 1",
                {"s": last.seq, "h": last.hash},
            ),
        ],
    )
    return len(kept)
