import shutil
from pathlib import Path

import pytest

from accord.rules.loading import bundled_charter_path, load_charter


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
