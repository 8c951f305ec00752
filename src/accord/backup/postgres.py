"""PostgreSQL backups: pg_dump and pg_restore (the server's major version, 15).

Chosen over a copy of our own: they know every object of a schema (tables, constraints,
indexes, sequences, the migrations' own table) and how to recreate it, and operators know
them. The backup is one consistent snapshot: this process opens a REPEATABLE READ transaction,
exports its snapshot, and pg_dump dumps that very snapshot (``--snapshot``) while the journal
is verified in it, so the verification is of the rows in the file; the server goes on writing
meanwhile. The restore is one transaction (``--single-transaction --clean``): all or nothing.
Only the configured schema is dumped (deployments and tests may share a database), and a
backup goes back into the schema it was taken from, at the same schema revision (or into an
empty schema).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from accord.backup.kinds import BackupUnavailable, BadBackup, check_revision, require_journal
from accord.journal.repository import entries_after
from accord.journal.verify import Verification, verify

_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) ", re.MULTILINE)
_SCHEMA_ENTRY = re.compile(r"^\d+; \d+ \d+ SCHEMA ")


def backup(engine: Engine, target: Path) -> Verification:
    """Dump the configured schema to ``target``; the verification of the dumped journal."""
    partial = target.with_name(f".{target.name}.partial")
    reading = engine.connect().execution_options(isolation_level="REPEATABLE READ")
    try:
        with reading as connection, connection.begin():
            schema = str(connection.execute(text("SELECT current_schema()")).scalar())
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar()
            options = [f"--snapshot={snapshot}", f"--schema={schema}", f"--file={partial}"]
            dump = _start("pg_dump", ["--format=custom", "--no-owner", *options], engine)
            try:
                verification = verify(entries_after(connection, 0))  # while pg_dump runs
            finally:
                _finish(dump, "pg_dump")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return verification


def inspect_backup(path: Path, engine: Engine) -> str:
    """The backup's schema revision, once it is known to fit the configured schema."""
    listing = _output("pg_restore", ["--list", str(path)], path)
    tables = _TABLE.findall(listing)
    require_journal(path, {name for _, name in tables})
    schemas = {schema for schema, _ in tables}
    with engine.connect() as connection:
        live = str(connection.execute(text("SELECT current_schema()")).scalar())
        has_revision = inspect(connection).has_table("alembic_version")
        revision_now = (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if has_revision
            else None
        )
    if schemas != {live}:
        raise BadBackup(
            f"FILE {path} is a backup of schema {', '.join(sorted(schemas))}, and the configured "
            f"database uses schema {live}: a backup is restored into the schema it was taken from"
        )
    data = _output("pg_restore", ["--data-only", "--table=alembic_version", "--file=-", str(path)])
    rows = data.split("FROM stdin;\n", 1)[1].splitlines() if "FROM stdin;\n" in data else []
    revision = rows[0].strip() if rows and rows[0] != "\\." else None
    check_revision(path, revision)
    if revision_now not in (None, revision):
        raise BadBackup(
            f"FILE {path} is at schema revision {revision} and the database at {revision_now}: "
            "restore it into an empty schema, or with the version of Accord that wrote it"
        )
    return str(revision)


def restore(path: Path, engine: Engine) -> None:
    """Replace the configured schema's objects and rows with the backup's, in one transaction
    (the schema itself stays: it is the configured one)."""
    listing = _output("pg_restore", ["--list", str(path)], path)
    kept = "".join(
        line for line in listing.splitlines(keepends=True) if not _SCHEMA_ENTRY.match(line)
    )
    with tempfile.NamedTemporaryFile("w", suffix=".list") as entries:
        entries.write(kept)
        entries.flush()
        arguments = ["--single-transaction", "--clean", "--if-exists", "--no-owner"]
        arguments += ["--no-privileges", f"--use-list={entries.name}", str(path)]
        _finish(_start("pg_restore", arguments, engine), "pg_restore")


def _start(tool: str, arguments: list[str], engine: Engine) -> subprocess.Popen[bytes]:
    """``tool`` on the engine's database; the password in the environment, never in argv."""
    url = engine.url
    connection = [f"--dbname={url.database}"]
    connection += [f"--host={url.host}"] if url.host else []
    connection += [f"--port={url.port}"] if url.port else []
    connection += [f"--username={url.username}"] if url.username else []
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    options = url.query.get("options")  # the schema's search_path, as the engine connects
    if options:
        environment["PGOPTIONS"] = options if isinstance(options, str) else " ".join(options)
    return subprocess.Popen(
        [_tool(tool), *arguments, *connection],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _finish(process: subprocess.Popen[bytes], tool: str) -> None:
    _, errors = process.communicate()
    if process.returncode != 0:
        raise BackupUnavailable(f"{tool} failed: {_last(errors)}")


def _output(tool: str, arguments: list[str], path: Path | None = None) -> str:
    """What ``tool`` prints reading a backup file alone (no database)."""
    done = subprocess.run([_tool(tool), *arguments], capture_output=True, check=False)
    if done.returncode != 0:
        if path is not None:
            raise BadBackup(f"FILE {path}: not a readable pg_dump archive ({_last(done.stderr)})")
        raise BackupUnavailable(f"{tool} failed: {_last(done.stderr)}")
    return done.stdout.decode("utf-8", "replace")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupUnavailable(f"{name} not found: install the PostgreSQL 15 client tools")
    return found


def _last(errors: bytes) -> str:
    lines = errors.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"
