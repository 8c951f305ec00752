"""`accord journal`: verify a journal (an exported file or the live database), audit a server's
journal as a delegation, rotate the key that signs its heads.

Exit status of `verify`: 0 sound, 1 tampered, 2 unreadable input; of `audit`: 0 consistent
with the last head seen, 1 not, 2 unreadable input or unreachable server.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import print_json
from accord.edge.signed_in import BadInput, fail, storage_errors, token_from

if TYPE_CHECKING:
    from accord.journal.verify import Verification

journal_app = typer.Typer(help="The append-only, hash-chained journal.", no_args_is_help=True)
Database = Annotated[
    str | None, typer.Option("--database", help="A database URL (default: the configured one)")
]
SOUND, TAMPERED, UNREADABLE = 0, 1, 2


@journal_app.command("verify")
def verify(
    file: Annotated[
        Path | None, typer.Argument(help="An exported journal (JSON Lines); none: the database")
    ] = None,
    database: Database = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Exit 0 if no entry was edited, removed, inserted or reordered (and, for a database,
    the journal is the one its signed head vouches for); 1 if one was; 2 if unreadable."""
    if file is not None and database is not None:
        fail("give a FILE or --database, not both")
    from sqlalchemy.exc import SQLAlchemyError

    from accord.journal.store import JournalFileError

    try:
        result = _verify_file(file) if file is not None else _verify_database(database)
    except (JournalFileError, SQLAlchemyError, OSError) as error:
        fail(f"cannot verify: {str(error).splitlines()[0]}", UNREADABLE)
    if json_output:
        print_json(
            {
                "entries": result.entries,
                "ok": result.ok,
                "first_bad": result.first_bad,
                "problems": list(result.problems),
            }
        )
    else:
        verdict = "chain verified" if result.ok else "CHAIN BROKEN"
        typer.echo(f"{result.entries} entries: {verdict}")
        for problem in result.problems:
            typer.echo(f"  {problem}")
    raise typer.Exit(SOUND if result.ok else TAMPERED)


def _verify_file(file: Path) -> Verification:
    from accord.journal.store import JournalFileError, JsonLinesJournal
    from accord.journal.verify import verify as verify_entries

    if not file.is_file():
        raise JournalFileError(f"{file}: no such file")
    return verify_entries(JsonLinesJournal(file).entries())


def _verify_database(database: str | None) -> Verification:
    from accord.adapters.db import default_database_url, make_engine
    from accord.adapters.local_state import key_path, state_folder
    from accord.adapters.migrate import revisions
    from accord.config import Settings
    from accord.journal.full_check import verify_journal
    from accord.journal.repository import SqlJournal
    from accord.journal.seal_files import SealFiles

    settings = Settings() if database is None else Settings(database_url=database)
    engine = make_engine(settings.database_url or default_database_url())
    try:
        current, newest = revisions(engine)
        if current != newest:
            schema = f"at revision {current}" if current else "not an Accord database yet"
            fail(
                f"the database's schema is {schema}, this Accord reads {newest}: accord db upgrade"
            )
        journal, files = SqlJournal(engine), SealFiles(state_folder(settings, engine))
        with journal.snapshot() as view:
            return verify_journal(view, files, key_path(settings))
    finally:
        engine.dispose()


@journal_app.command("audit")
def audit_command(
    state: Annotated[Path, typer.Argument(help="Your audit file: the last head you saw")],
    url: Annotated[str | None, typer.Option("--url", help="The Accord API (first audit)")] = None,
    public_key: Annotated[
        str | None, typer.Option("--public-key", help="The server's key, base64 (first audit)")
    ] = None,
    token_file: Annotated[
        Path | None, typer.Option("--token-file", help="A file holding your API token")
    ] = None,
) -> None:
    """Check the server's signed head against the last one you saw: signed by a key you trust
    (pinned with --public-key at the first audit, or announced by one), and extending it."""
    import httpx

    from accord.journal.audit import AuditState, AuditUnreadable, Inconsistent, audit

    try:
        token = token_from(token_file)
        if state.exists():
            known = AuditState.load(state)
            known = replace(known, url=url or known.url)
        elif url and public_key:
            known = AuditState.first(url, public_key)
        else:
            raise BadInput(f"{state}: none yet; the first audit needs --url and --public-key")
        with httpx.Client(
            base_url=known.url, headers={"Authorization": f"Bearer {token}"}, timeout=60
        ) as client:
            after, found = audit(known, client)
        after.save(state)
    except (BadInput, AuditUnreadable, OSError) as error:
        fail(str(error), UNREADABLE)
    except Inconsistent as error:
        fail(f"INCONSISTENT: {error} ({state} keeps the last head you saw)", TAMPERED)
    typer.echo(found)


@journal_app.command("public-key")
def public_key_command() -> None:
    """Print the public half of the key that signs the heads (ACCORD_KEY_FILE): what the
    Secretariat gives each delegation, out of band, for its first audit."""
    from accord.adapters.local_state import key_path
    from accord.journal.signing import SigningKey

    with storage_errors():
        key = SigningKey.load(key_path(running().settings()))
    typer.echo(f"{key.public.key_id} {key.public.to_text()}")


@journal_app.command("rotate-key")
def rotate(database: Database = None) -> None:
    """A new key signs the journal's heads from its present size on; the old one is retired
    (its public half kept, so the heads it signed still verify) and announces its successor.
    Stop the server first (exit 3 while one runs)."""
    from accord.adapters.local_state import key_path
    from accord.adapters.server_lock import HELD_EXIT_STATUS, DatabaseHeld, hold_server_lock
    from accord.journal.rotation import rotate_key

    opener = running()
    opener.use_database(database)
    engine = opener.engine()
    try:
        with hold_server_lock(engine):
            seal = opener.seal()
            with storage_errors():
                rotation = rotate_key(seal, key_path(opener.settings()))
    except DatabaseHeld as error:
        fail(str(error), HELD_EXIT_STATUS)
    typer.echo(f"key {rotation.retired} retired at size {rotation.size}; the new key:")
    typer.echo(f"  {seal.key.public.key_id} {rotation.successor}")
    typer.echo("auditors follow the rotation from GET /journal/keys")
