"""Bring a database to the newest schema with Alembic, from code (``accord db upgrade``)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

#: Alembic resolves a ``package:folder`` location with importlib.resources, as installed.
MIGRATIONS = "accord.adapters:migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration not applied yet, in one transaction."""
    config = alembic_config()
    with engine.connect().execution_options(writing=True) as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def revisions(engine: Engine) -> tuple[str | None, str | None]:
    """The database's schema revision and the newest this Accord knows, without changing it."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, ScriptDirectory.from_config(alembic_config()).get_current_head()
