"""The collective formations a unit may be pledged to, each with its legal basis and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import Field, RootModel

from accord.rules.schema import CitedSource, FileModel
from accord.rules.yamlfiles import read_model


@dataclass(frozen=True)
class Formation:
    id: str
    name: str
    basis: str
    start: dt.date
    #: The only states whose units belong to it (a regional grouping); empty: every member.
    members: frozenset[str]
    confidence: str
    refs: tuple[str, ...]


class _FormationFile(FileModel):
    name: str
    basis: str
    start: dt.date = Field(alias="from")
    instrument: str | None = None
    members: list[str] = Field(default_factory=list)
    tasks: str
    source: CitedSource


@cache
def formations() -> dict[str, Formation]:
    """The bundled formations."""
    # as_file: the strict YAML reader checks the file's size and kind on the file system.
    with resources.as_file(resources.files("accord.forces") / "formations.yaml") as path:
        return load_formations(path)


def load_formations(path: Path) -> dict[str, Formation]:
    """Formations from a YAML file, read strictly: a duplicated key or a missing or unknown
    field is an error naming the file and the key."""
    parsed = read_model(path, RootModel[dict[str, _FormationFile]], path.name).root
    return {
        key: Formation(
            key,
            row.name,
            row.basis,
            row.start,
            frozenset(row.members),
            row.source.confidence,
            tuple(row.source.refs),
        )
        for key, row in parsed.items()
    }
