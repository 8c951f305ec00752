"""Settings: the only reader of the environment (variables prefixed ``ACCORD_``).

A plain Pydantic model that reads its own variables, not pydantic-settings: these are eleven
flat values, and pydantic-settings' import (its command-line, cloud and dotenv sources) took
about a sixth of `accord treaty check`'s start-up (issue 13). As there, a value given to
``Settings(...)`` wins over the environment, and names are matched whatever their case.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

ENV_PREFIX = "accord_"


class PasswordCost(NamedTuple):
    """argon2id's cost parameters: passes, memory (KiB) and lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int


#: RFC 9106's second recommended option (§4, for memory-constrained settings): the default.
STRONG_PASSWORD_COST = PasswordCost(time_cost=3, memory_kib=65536, parallelism=4)
#: OWASP's minimum for argon2id (Password Storage Cheat Sheet: 2 passes over 19 MiB, 1 lane):
#: "strong" hashing refuses anything cheaper.
PASSWORD_COST_FLOOR = PasswordCost(time_cost=2, memory_kib=19456, parallelism=1)
#: argon2's cheapest parameters: "fast" hashing, for tests and throwaway demos only.
FAST_PASSWORD_COST = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)
_COST_FIELDS = {f"password_{name}": name for name in PasswordCost._fields}


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

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

    #: How passwords are hashed: "strong" (argon2id, at no less than PASSWORD_COST_FLOOR) or
    #: "fast" (argon2's cheapest by default, any cost allowed): for tests and throwaway demos
    #: only, never for real accounts. Hashes made at another cost still verify (argon2 writes
    #: its parameters into each hash).
    password_hash: Literal["strong", "fast"] = "strong"

    #: argon2id's cost; unset: STRONG_PASSWORD_COST ("strong") or FAST_PASSWORD_COST ("fast").
    password_time_cost: Annotated[int, Field(ge=1, le=100)] | None = None
    password_memory_kib: Annotated[int, Field(ge=8, le=4 * 1024 * 1024)] | None = None
    password_parallelism: Annotated[int, Field(ge=1, le=64)] | None = None

    @model_validator(mode="before")
    @classmethod
    def _environment_beneath(cls, given: Any) -> Any:
        if not isinstance(given, dict):
            return given
        named = {
            key.lower().removeprefix(ENV_PREFIX): value
            for key, value in os.environ.items()
            if key.lower().startswith(ENV_PREFIX)
        }
        return {**{k: v for k, v in named.items() if k in cls.model_fields}, **given}

    @field_validator(*_COST_FIELDS, mode="after")
    @classmethod
    def _at_least_the_floor(cls, value: int | None, info: ValidationInfo) -> int | None:
        floor = getattr(PASSWORD_COST_FLOOR, _COST_FIELDS[str(info.field_name)])
        if value is not None and value < floor and info.data.get("password_hash") == "strong":
            raise ValueError(
                f"{value} is under the floor of {floor} for strong password hashing (OWASP's "
                "argon2id minimum); ACCORD_PASSWORD_HASH=fast allows it, in tests and demos only"
            )
        return value

    @model_validator(mode="after")
    def _memory_for_every_lane(self) -> Settings:
        cost = self.password_cost()
        if cost.memory_kib < 8 * cost.parallelism:  # argon2 refuses less
            raise ValueError(
                f"password_memory_kib: {cost.memory_kib} is under 8 KiB for each of the "
                f"{cost.parallelism} lanes of password_parallelism"
            )
        return self

    def password_cost(self) -> PasswordCost:
        """The argon2id cost new password hashes are made at."""
        preset = STRONG_PASSWORD_COST if self.password_hash == "strong" else FAST_PASSWORD_COST
        return PasswordCost(
            *(
                given if (given := getattr(self, field)) is not None else default
                for field, default in zip(_COST_FIELDS, preset, strict=True)
            )
        )
