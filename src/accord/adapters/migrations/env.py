"""Alembic's environment: the connection Accord hands over, and the metadata with every
context's tables when one is handed over too (``accord.contexts.metadata``, to autogenerate)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("metadata"),
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
