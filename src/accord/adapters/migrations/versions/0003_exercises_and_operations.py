"""Exercises and standing operations.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 21:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Each record as a JSON document: JSONB on PostgreSQL, JSON text on SQLite.
DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "exercise_plans",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_plans")),
    )
    op.create_index(op.f("ix_exercise_plans_year"), "exercise_plans", ["year"], unique=False)
    op.create_table(
        "exercises",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("plan_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("host", sa.String(length=3), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercises")),
    )
    op.create_index(op.f("ix_exercises_plan_id"), "exercises", ["plan_id"], unique=False)
    op.create_index(op.f("ix_exercises_host"), "exercises", ["host"], unique=False)
    op.create_table(
        "operation_stages",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("operation", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation_stages")),
    )
    op.create_index(
        op.f("ix_operation_stages_operation"), "operation_stages", ["operation"], unique=False
    )
    op.create_index(op.f("ix_operation_stages_year"), "operation_stages", ["year"], unique=False)
    op.create_table(
        "operation_results",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("stage_id", sa.String(length=32), nullable=False),
        sa.Column("operation", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=3), nullable=False),
        sa.Column("detentions", sa.Integer(), nullable=False),
        sa.Column("resources_blocked", sa.Integer(), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operation_results")),
    )
    for column in ("stage_id", "year", "state"):
        op.create_index(
            op.f(f"ix_operation_results_{column}"), "operation_results", [column], unique=False
        )


def downgrade() -> None:
    for column in ("state", "year", "stage_id"):
        op.drop_index(op.f(f"ix_operation_results_{column}"), table_name="operation_results")
    op.drop_table("operation_results")
    op.drop_index(op.f("ix_operation_stages_year"), table_name="operation_stages")
    op.drop_index(op.f("ix_operation_stages_operation"), table_name="operation_stages")
    op.drop_table("operation_stages")
    op.drop_index(op.f("ix_exercises_host"), table_name="exercises")
    op.drop_index(op.f("ix_exercises_plan_id"), table_name="exercises")
    op.drop_table("exercises")
    op.drop_index(op.f("ix_exercise_plans_year"), table_name="exercise_plans")
    op.drop_table("exercise_plans")
