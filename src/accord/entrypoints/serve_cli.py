"""`accord serve` and `accord db upgrade`: the API server and the database schema."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from accord.edge.cli_context import running
from accord.edge.signed_in import UNSOUND, storage_errors

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from accord.service.runtime import Accord

db_app = typer.Typer(
    help="The database: schema migrations, backup and restore.", no_args_is_help=True
)


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the configured database's schema up to date (Alembic migrations)."""
    engine = running().engine()
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
    read_only_if_tampered: Annotated[
        bool,
        typer.Option(
            "--read-only-if-tampered",
            help="Serve a journal that fails its check anyway, read-only (writes 503), saying "
            "so in an Accord-Read-Only header on every answer",
        ),
    ] = False,
) -> None:
    """Run the REST API: one server per database (exit status 3 if another holds it);
    `accord send` and the other commands may write the same database meanwhile. The journal
    is checked against its signed head first: exit status 6, naming the first bad entry, if
    it fails."""
    from accord.bootstrap import database_engine, sql_accord
    from accord.config import Settings
    from accord.entrypoints.api import create_app
    from accord.journal.soundness import JournalUnsound

    settings = Settings()
    with storage_errors():
        engine = database_engine(settings)
    with only_server(engine):
        began = time.perf_counter()
        try:
            accord = sql_accord(settings, engine, read_only_if_unsound=read_only_if_tampered)
        except JournalUnsound as error:
            typer.echo(f"error: refusing to serve: {error}", err=True)
            typer.echo(
                "  `accord journal verify` lists every problem; `accord serve "
                "--read-only-if-tampered` serves it read-only, to look into it",
                err=True,
            )
            raise typer.Exit(UNSOUND) from None
        if accord.read_only:
            typer.echo(f"warning: serving READ-ONLY: {accord.read_only}", err=True)
        typer.echo(_read_model(accord, time.perf_counter() - began), err=True)
        try:
            run_server(create_app(accord=accord), host, port)
        except BaseException:
            accord.close()
            raise
        accord.close(final_snapshot=True)  # a clean stop: the next start replays nothing


def _read_model(accord: Accord, seconds: float) -> str:
    start, seq = accord.uow.started_from, accord.writer.seq
    where = f"from the snapshot at entry {start}, " if start else "from the first entry, "
    return f"read model {where}{seq - start} journal entries replayed ({seconds:.2f} s)"


@contextmanager
def only_server(engine: Engine) -> Iterator[None]:
    """Hold the database's server lock for the block, or exit (status 3) before serving."""
    from accord.adapters.server_lock import HELD_EXIT_STATUS, DatabaseHeld, hold_server_lock

    with ExitStack() as held:
        try:
            held.enter_context(hold_server_lock(engine))
        except DatabaseHeld as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(HELD_EXIT_STATUS) from None
        yield
