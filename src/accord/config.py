"""Settings: the only reader of the environment (variables prefixed ``ACCORD_``)."""

from __future__ import annotations

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
