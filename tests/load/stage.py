"""One stage of a load run: `accord serve` on a fresh database, its accounts and seed data."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.load.accounts import add_by_cli, add_directly
from tests.load.servers import Server, accord_command, accord_env, running
from tests.load.workload import Ack, Workload


@dataclass
class Stage:
    server: Server
    tokens: dict[str, str]
    workload: Workload
    seeded: list[Ack]  # the seeding's own acknowledged writes, checked with the run's


@contextmanager
def accord_stage(
    database_url: str,
    folder: Path,
    *,
    by_cli: bool = False,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Stage]:
    """``accord serve`` on ``database_url`` (a fresh one), with the accounts added (by `accord
    users add` when ``by_cli``) and the seed data sent through the API."""
    env = accord_env(database_url, folder, extra_env)
    tokens = add_by_cli(env) if by_cli else add_directly(database_url)
    log = folder / f"accord-serve-{secrets.token_hex(3)}.log"
    with running([*accord_command(), "serve"], log, env) as server:
        workload = Workload(tokens)
        seeded = workload.seed(server.url)
        yield Stage(server, tokens, workload, seeded)
