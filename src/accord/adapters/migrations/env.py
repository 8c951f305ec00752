"""Alembic's environment: the shared metadata, on the connection Accord hands over."""

from __future__ import annotations

from alembic import context

from accord.adapters.schema import metadata
from accord.adapters.tables import register_all_tables

register_all_tables()
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
