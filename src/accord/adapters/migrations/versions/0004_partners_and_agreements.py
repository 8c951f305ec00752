"""Partners and agreements: organizations, instruments' parties, status applications.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 21:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "recorded_instruments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recorded_instruments")),
    )
    op.create_table(
        "status_applications",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("applicant", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_applications")),
    )
    with op.batch_alter_table("status_applications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_applications_applicant"), ["applicant"], unique=False
        )
    # Organizations are parties and status holders too: their ids are longer than a state's.
    with op.batch_alter_table("instrument_parties", schema=None) as batch_op:
        batch_op.alter_column(
            "state", existing_type=sa.String(length=3), type_=sa.String(length=16)
        )
        batch_op.add_column(sa.Column("acceded_on", sa.Date(), nullable=True))
    with op.batch_alter_table("membership_records", schema=None) as batch_op:
        batch_op.alter_column(
            "state", existing_type=sa.String(length=3), type_=sa.String(length=16)
        )


def downgrade() -> None:
    with op.batch_alter_table("membership_records", schema=None) as batch_op:
        batch_op.alter_column(
            "state", existing_type=sa.String(length=16), type_=sa.String(length=3)
        )
    with op.batch_alter_table("instrument_parties", schema=None) as batch_op:
        batch_op.drop_column("acceded_on")
        batch_op.alter_column(
            "state", existing_type=sa.String(length=16), type_=sa.String(length=3)
        )
    with op.batch_alter_table("status_applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_applications_applicant"))
    op.drop_table("status_applications")
    op.drop_table("recorded_instruments")
