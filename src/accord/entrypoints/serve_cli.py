"""`accord serve` and `accord db upgrade`: the API server and the database schema."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from accord.bootstrap import database_engine
from accord.config import Settings

db_app = typer.Typer(help="The database: schema migrations.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the configured database's schema up to date (Alembic migrations)."""
    engine = database_engine(Settings())
    typer.echo(f"database schema up to date: {engine.url.render_as_string(hide_password=True)}")


def run_server(app: Any, host: str, port: int) -> None:
    """Serve an ASGI app with Accord's uvicorn settings (the load benchmark's bare endpoint
    is served here too, so the two are compared under the same server)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Run the REST API (one process: writes are serialised on the journal anyway)."""
    from accord.entrypoints.api import create_app

    run_server(create_app(Settings()), host, port)
