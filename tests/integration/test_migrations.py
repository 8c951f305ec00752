"""The migrations build exactly the tables the code declares, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from accord.adapters.db import make_engine
from accord.adapters.migrate import upgrade
from accord.contexts import metadata


def test_the_migrated_schema_is_the_declared_schema(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_server_default": False})
        differences = compare_metadata(context, metadata())
    engine.dispose()
    assert differences == []
