"""Each journal entry kept as its canonical bytes (``body``), the source it is read from.

Every row is converted from its columns to the canonical JSON its hash is taken over, and
must give its own hash: a row that does not (edited before this upgrade) stops the upgrade,
naming the entry, and nothing is changed. The columns no query looks an entry up by go.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09 10:00:00
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from accord.journal.soundness import JournalUnsound

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
#: The columns of an entry before this revision, as its hash covers them (all but ``hash``).
_DOCUMENTS = ("payload", "articles", "reasons", "events", "details")
_TEXTS: dict[str, sa.types.TypeEngine[Any]] = {
    "at": sa.String(40),
    "actor": sa.String(64),
    "command": sa.String(64),
}
_CHUNK = 2000


def _canonical(fields: dict[str, Any]) -> bytes:
    # Frozen here as it was written: the hash of every entry stored before this revision.
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _old_table() -> sa.TableClause:
    return sa.table(
        "journal_entries",
        sa.column("seq", sa.Integer),
        *(sa.column(name, kind) for name, kind in _TEXTS.items()),
        *(sa.column(name, _JSON) for name in _DOCUMENTS),
        sa.column("allowed", sa.Boolean),
        sa.column("request_key", sa.String),
        sa.column("prev", sa.String),
        sa.column("hash", sa.String),
        sa.column("body", sa.LargeBinary),
    )


def upgrade() -> None:
    op.add_column("journal_entries", sa.Column("body", sa.LargeBinary(), nullable=True))
    entries, connection = _old_table(), op.get_bind()
    hashed = [c for c in entries.columns if c.name not in ("hash", "body")]
    set_body = (
        sa.update(entries)
        .where(entries.c.seq == sa.bindparam("row_seq"))
        .values(body=sa.bindparam("new_body"))
    )
    after = 0
    while True:
        rows = connection.execute(
            sa.select(*hashed, entries.c.hash)
            .where(entries.c.seq > after)
            .order_by(entries.c.seq)
            .limit(_CHUNK)
        ).all()
        if not rows:
            break
        bodies = []
        for row in rows:
            body = _canonical({column.name: getattr(row, column.name) for column in hashed})
            if hashlib.sha256(body).hexdigest() != row.hash:
                raise JournalUnsound(
                    row.seq,
                    f"entry {row.seq}: its columns do not give its hash (edited before this "
                    "upgrade); the upgrade changed nothing",
                )
            bodies.append({"row_seq": row.seq, "new_body": body})
        connection.execute(set_body, bodies)
        after = rows[-1].seq
    with op.batch_alter_table("journal_entries") as batch:
        batch.alter_column("body", existing_type=sa.LargeBinary(), nullable=False)
        for name in (*_TEXTS, *_DOCUMENTS, "allowed", "prev"):
            batch.drop_column(name)


def downgrade() -> None:
    for name, kind in _TEXTS.items():
        op.add_column("journal_entries", sa.Column(name, kind, nullable=True))
    for name in _DOCUMENTS:
        op.add_column("journal_entries", sa.Column(name, _JSON, nullable=True))
    op.add_column("journal_entries", sa.Column("allowed", sa.Boolean(), nullable=True))
    op.add_column("journal_entries", sa.Column("prev", sa.String(64), nullable=True))
    entries, connection = _old_table(), op.get_bind()
    for seq, body in connection.execute(sa.select(entries.c.seq, entries.c.body)).all():
        fields = json.loads(body)
        del fields["seq"], fields["request_key"]
        connection.execute(sa.update(entries).where(entries.c.seq == seq).values(**fields))
    with op.batch_alter_table("journal_entries") as batch:
        for name, kind in [*_TEXTS.items(), *((n, _JSON) for n in _DOCUMENTS)]:
            batch.alter_column(name, existing_type=kind, nullable=False)
        batch.alter_column("allowed", existing_type=sa.Boolean(), nullable=False)
        batch.alter_column("prev", existing_type=sa.String(64), nullable=False)
        batch.drop_column("body")
