import os
import shutil
from pathlib import Path

import pytest

from accord.rules.loading import bundled_charter_path, load_charter


@pytest.fixture(scope="session", autouse=True)
def _server_files_outside_home(tmp_path_factory):
    """The signing key and the per-database state of every Accord the tests start (in this
    process or a child) live in the run's temporary folder, never in the user's data folder."""
    folder = tmp_path_factory.mktemp("accord-local-state")
    os.environ.setdefault("ACCORD_KEY_FILE", str(folder / "journal-signing.key"))
    os.environ.setdefault("ACCORD_STATE_DIR", str(folder / "state"))


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """argon2's cheapest cost for every password the tests hash, here or in a child process:
    the strong default took about 0.35 s a hash, 14 of them for each API test's users."""
    os.environ.setdefault("ACCORD_PASSWORD_HASH", "fast")


@pytest.fixture
def hasher():
    """The password hasher of the tests' settings (the cheap one)."""
    from accord.config import Settings
    from accord.identity.secrets import passwords

    return passwords(Settings())


@pytest.fixture(scope="session")
def csto():
    return load_charter(bundled_charter_path("csto"))


@pytest.fixture(scope="session")
def nato():
    return load_charter(bundled_charter_path("nato"))


@pytest.fixture
def nato_copy(tmp_path: Path) -> Path:
    """A writable copy of the small NATO charter, to break one file at a time."""
    target = tmp_path / "nato"
    shutil.copytree(bundled_charter_path("nato"), target)
    return target


POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def postgres_url():
    """A fresh schema on the real PostgreSQL server for one test, dropped afterwards."""
    from tests.load.servers import postgres_schema

    with postgres_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path):
    """Each test using this runs twice: on a SQLite file and on the real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'accord.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_database_url(request, tmp_path_factory):
    """As `database_url`, one for all the tests of a module: for tests that only read, or that
    are refused and check that nothing was written. A test that writes takes `database_url`."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('shared') / 'accord.db'}"
        return
    from tests.load.servers import postgres_schema

    with postgres_schema() as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'accord.db'}"


@pytest.fixture
def api(sqlite_url):
    """The REST API on a fresh SQLite database, with one user per role and per delegation."""
    from tests.api_client import ApiUsers

    users = ApiUsers(sqlite_url)
    yield users
    users.close()
