"""One Accord server per database: a second `accord serve` on it exits at start (status 3),
naming the database, before it binds its port; once the first stops, a new one starts."""

from __future__ import annotations

import os
import subprocess

import pytest

from accord.adapters.db import make_engine
from accord.adapters.server_lock import DatabaseHeld, hold_server_lock
from tests.integration.test_crash_recovery import (
    accord_command,
    adding_user,
    free_port,
    running_server,
    token_of,
)


def test_a_second_holder_of_a_database_is_refused_and_a_later_one_succeeds(database_url):
    engine = make_engine(database_url)
    try:
        with (
            hold_server_lock(engine),
            pytest.raises(DatabaseHeld, match="another Accord server is running on"),
            hold_server_lock(engine),
        ):
            pass
        with hold_server_lock(engine):
            pass  # released with the first server
    finally:
        engine.dispose()


def test_two_schemas_of_one_postgres_database_each_have_their_own_server(postgres_url):
    other = make_engine(postgres_url.replace("search_path%3D", "search_path%3Dpublic_"))
    engine = make_engine(postgres_url)
    try:
        with hold_server_lock(engine), hold_server_lock(other):
            pass
    finally:
        engine.dispose()
        other.dispose()


def test_a_second_accord_serve_on_the_same_database_exits_naming_it(database_url, tmp_path):
    env = {**os.environ, "ACCORD_DATABASE_URL": database_url}
    token_of(adding_user(env, "admin-officer", "admin"))  # creates the schema
    port = free_port()
    second = [*accord_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with running_server(env, tmp_path / "first.log"):
        refused = subprocess.run(second, env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 3, refused.stderr
    assert "another Accord server is running on" in refused.stderr
    where = database_url.removeprefix("sqlite:///") if "sqlite" in database_url else "schema"
    assert where in refused.stderr
    assert "Traceback" not in refused.stderr
    with running_server(env, tmp_path / "after.log") as after:
        assert after.process.poll() is None  # the first is gone: a new server starts
