"""`accord serve` and `accord db upgrade`: the API server and the database schema."""

from __future__ import annotations

import logging
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


class KeepConnectionAfterError:
    """Logs an exception that escaped the app, and keeps it from uvicorn.

    Starlette answers such an exception with a 500, then re-raises it "so that servers may log
    it"; uvicorn logs it and, the response having started, closes the connection. The client
    was sent a complete 500 without `Connection: close`, so it sends its next request on that
    connection, which the close then resets: a dropped connection (ReadError) with no
    traceback of its own, after each 500 (issue 11). Kept from uvicorn, the exception is
    logged here the same way and the connection lives on; a response left unfinished is
    still closed by uvicorn ("ASGI callable returned without completing response").
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.logger = logging.getLogger("uvicorn.error")

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await self.app(scope, receive, send)
        except Exception:
            if scope["type"] != "http":
                raise
            self.logger.exception("Exception in ASGI application")


def run_server(app: Any, host: str, port: int) -> None:
    """Serve an ASGI app with Accord's uvicorn settings (the load benchmark's bare endpoint
    is served here too, so the two are compared under the same server)."""
    import uvicorn

    uvicorn.run(KeepConnectionAfterError(app), host=host, port=port, log_level="warning")


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Run the REST API (one process: writes are serialised on the journal anyway)."""
    from accord.entrypoints.api import create_app

    run_server(create_app(Settings()), host, port)
