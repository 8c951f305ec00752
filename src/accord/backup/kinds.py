"""What a backup file is, told before anything is restored: its kind (from its first bytes),
and whether this Accord's schema knows its revision."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from accord.adapters.migrate import alembic_config
from accord.kernel.errors import AccordError

_MAGIC = {b"SQLite format 3\x00": "sqlite", b"PGDMP": "postgresql"}
_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BadBackup(AccordError):
    """The file cannot be backed up to or restored from: the message says why (exit 2)."""


class BackupUnavailable(AccordError):
    """The database or its tools could not take or give the backup (exit 5)."""


def database_kind(engine: Engine) -> str:
    return "sqlite" if engine.url.get_backend_name() == "sqlite" else "postgresql"


def backup_kind(path: Path) -> str:
    """``sqlite`` or ``postgresql``; BadBackup for a missing file or anything else."""
    if not path.exists():
        raise BadBackup(f"FILE {path}: no such file")
    if not path.is_file():
        raise BadBackup(f"FILE {path}: not a file")
    with path.open("rb") as file:
        start = file.read(16)
    for magic, kind in _MAGIC.items():
        if start.startswith(magic):
            return kind
    raise BadBackup(
        f"FILE {path}: not a backup (neither a SQLite database nor a PostgreSQL custom-format "
        "dump, which accord db backup writes)"
    )


def check_kind(path: Path, engine: Engine) -> str:
    """The backup's kind, if it is the configured database's; BadBackup naming both if not."""
    kind, database = backup_kind(path), database_kind(engine)
    if kind != database:
        raise BadBackup(
            f"FILE {path} is a {_NAMES[kind]} backup, but the configured database is "
            f"{_NAMES[database]} ({engine.url.render_as_string(hide_password=True)}): a backup "
            "is restored into a database of its own kind"
        )
    return kind


def check_revision(path: Path, revision: str | None) -> None:
    """The backup's schema revision must be one this Accord's migrations know."""
    if revision is None:
        raise BadBackup(f"FILE {path}: not an Accord backup (no schema revision in it)")
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if revision not in known:
        raise BadBackup(
            f"FILE {path}: schema revision {revision} is unknown to this version of Accord "
            "(a backup from a newer one?): restore it with the version that wrote it"
        )


def require_journal(path: Path, tables: set[str]) -> None:
    missing = {"journal_entries", "journal_head", "alembic_version"} - tables
    if missing:
        raise BadBackup(
            f"FILE {path}: not an Accord backup (no {', '.join(sorted(missing))} table in it)"
        )
