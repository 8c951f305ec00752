"""Load a charter folder into a validated Charter; every error names the file and the key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from accord.kernel.errors import CharterError
from accord.rules.charter import Charter
from accord.rules.charter_files import CharterFiles
from accord.rules.dating import following_the_dating
from accord.rules.schema import CharterFile
from accord.rules.validation import validate_charter


def bundled_charter_path(name: str = "csto") -> Path:
    """The folder of a charter shipped with Accord (``csto`` or ``nato``)."""
    return Path(str(resources.files("accord") / "charters" / name))


def load_charter(folder: Path | str) -> Charter:
    """Read, validate and cross-check every file of a charter folder."""
    root = Path(folder)
    if not (root / "charter.yaml").is_file():
        raise CharterError(str(root), "charter.yaml", "missing: a charter folder starts with it")
    reader = CharterFiles(root)
    header = reader.one("charter.yaml", CharterFile)
    charter = Charter(
        id=header.id,
        name=header.name,
        founding_instrument=header.founding_instrument,
        references=reader.references(),
        instruments=reader.instruments(),
        articles=reader.articles(),
        bodies=reader.bodies(),
        parameters=reader.parameters(),
        states=reader.states(),
        chair_terms=reader.chair_terms(),
        chair_body=header.chair_body,
    )
    validate_charter(charter, reader.origins)
    return following_the_dating(charter)
