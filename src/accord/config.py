"""Settings: the only reader of the environment (variables prefixed ``ACCORD_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCORD_", extra="ignore")

    #: A bundled charter's name (``csto``, ``nato``) or the path of a charter folder.
    charter: str = "csto"

    #: A SQLAlchemy URL (``sqlite:///…``, ``postgresql://…``); unset: a SQLite file per user.
    database_url: str | None = None

    #: Where event data is kept: a DuckDB file (default, in the user's data directory), or a
    #: PostgreSQL URL.
    events_url: str | None = None

    #: How many waiting commands the writer takes into one transaction (1: one each).
    max_batch: Annotated[int, Field(ge=1, le=1024)] = 64

    #: A read-model snapshot is written (in the background) every this many journal entries,
    #: so that start-up replays at most about as many; 0: no snapshots, a full replay.
    snapshot_every: Annotated[int, Field(ge=0, le=10_000_000)] = 1000

    #: The server's Ed25519 private key, which signs the journal's tree heads and the read-model
    #: snapshots; unset: journal-signing.key in the user's data folder. Created on first start
    #: (mode 0600); keep it out of the database's backups and off the repository.
    key_file: Path | None = None

    #: Where the server keeps what must not live in the database it vouches for (the latest
    #: signed journal head, the read-model snapshots), one folder per database; unset: the
    #: user's data folder.
    state_dir: Path | None = None
