"""The accounts of a load run: a delegation per member state, the Secretariat, the Joint
Staff and an analyst, each with an API token."""

from __future__ import annotations

import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

from tests.load.servers import accord_command

MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")  # the members in 2026
STAFF = ("secretariat", "joint_staff", "analyst")
#: (user name, role, state or None): the names are also the keys of the token dictionary.
ACCOUNTS = tuple((state, "delegation", state) for state in MEMBERS) + tuple(
    (role, role, None) for role in STAFF
)
TOKEN = re.compile(r"^token: (\S+)$", re.MULTILINE)


def add_by_cli(env: dict[str, str]) -> dict[str, str]:
    """Each account added with `accord users add`, its token read from what it prints.

    Two at a time (each spends seconds of CPU importing the CLI; nine at once on 2 shared
    cores took minutes).
    """

    def add(account: tuple[str, str, str | None]) -> tuple[str, str]:
        name, role, state = account
        args = [*accord_command(), "users", "add", name, "--role", role]
        if state:
            args += ["--state", state]
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        found = TOKEN.search(done.stdout)
        if done.returncode != 0 or found is None:
            raise RuntimeError(f"accord users add {name}: {done.stdout}{done.stderr}")
        return name, found.group(1)

    # The first alone, so that the schema is created once rather than raced by nine migrations.
    first, *rest = ACCOUNTS
    tokens = dict([add(first)])
    with ThreadPoolExecutor(max_workers=2) as pool:
        tokens.update(pool.map(add, rest))
    return tokens


def add_directly(database_url: str) -> dict[str, str]:
    """The same accounts through the repository `accord users add` calls (for the test: the
    CLI costs seconds per account, the repository milliseconds)."""
    from accord.bootstrap import database_engine
    from accord.config import Settings
    from accord.identity.repository import add_user, issue_token

    engine = database_engine(Settings(database_url=database_url))
    tokens = {}
    try:
        with engine.begin() as connection:
            for name, role, state in ACCOUNTS:
                principal = add_user(connection, name, role, state)
                tokens[name] = issue_token(connection, principal.user_id, label="first")[1]
    finally:
        engine.dispose()
    return tokens
