"""Forces and means: pledged units' history, verification visits, requirements.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 21:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Pledges now have a readiness level (raised by verification visits) and can be withdrawn;
    # the rest of their history lives in the document column.
    with op.batch_alter_table("units") as batch_op:
        batch_op.add_column(
            sa.Column("readiness_level", sa.String(16), nullable=False, server_default="level_1")
        )
        batch_op.add_column(
            sa.Column("pledged", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_column("pledged")
        batch_op.drop_column("readiness_level")
