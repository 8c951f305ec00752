"""`accord serve` and `accord db upgrade`: the API server and the database schema."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Annotated

import typer
from sqlalchemy import Engine

from accord.adapters.server_lock import HELD_EXIT_STATUS, DatabaseHeld, hold_server_lock
from accord.bootstrap import database_engine, sql_accord
from accord.config import Settings

db_app = typer.Typer(help="The database: schema migrations.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the configured database's schema up to date (Alembic migrations)."""
    engine = database_engine(Settings())
    typer.echo(f"database schema up to date: {engine.url.render_as_string(hide_password=True)}")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Run the REST API: one server per database (exit status 3 if another holds it);
    `accord send` and the other commands may write the same database meanwhile."""
    import uvicorn

    from accord.entrypoints.api import create_app

    settings = Settings()
    engine = database_engine(settings)
    with only_server(engine):
        uvicorn.run(
            create_app(accord=sql_accord(settings, engine)),
            host=host,
            port=port,
            log_level="warning",
        )


@contextmanager
def only_server(engine: Engine) -> Iterator[None]:
    """Hold the database's server lock for the block, or exit (status 3) before serving."""
    with ExitStack() as held:
        try:
            held.enter_context(hold_server_lock(engine))
        except DatabaseHeld as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(HELD_EXIT_STATUS) from None
        yield
