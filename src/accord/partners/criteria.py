"""The criteria an applicant for observer or partner status declares it meets, as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import Field

from accord.partners.organizations import data_source
from accord.rules.charter import Charter
from accord.rules.schema import CitedSource, FileModel
from accord.rules.sources import Source
from accord.rules.yamlfiles import read_model


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    applies_to: frozenset[str]
    source: Source


@dataclass(frozen=True)
class StatusCriteria:
    """One status's regulation: the criteria, and the areas a partner chooses from."""

    status: str
    regulation: str
    criteria: tuple[Criterion, ...]
    areas: tuple[str, ...] = ()
    areas_source: Source | None = None

    def for_applicant(self, kind: str) -> tuple[Criterion, ...]:
        """The criteria that apply to a ``state`` or an ``organization``."""
        return tuple(c for c in self.criteria if kind in c.applies_to)


class _CriterionFile(FileModel):
    text: str
    applies_to: list[str] = Field(min_length=1)
    source: CitedSource


class _AreasFile(FileModel):
    source: CitedSource
    names: list[str] = Field(min_length=1)


class _StatusFile(FileModel):
    regulation: str
    criteria: dict[str, _CriterionFile]
    areas: _AreasFile | None = None


class _CriteriaFile(FileModel):
    charter: str
    statuses: dict[str, _StatusFile]


def load_criteria(path: Path) -> tuple[str, dict[str, StatusCriteria]]:
    """The charter the file belongs to, and each status's criteria."""
    parsed = read_model(path, _CriteriaFile, path.name)
    return parsed.charter, {
        status: StatusCriteria(
            status,
            item.regulation,
            tuple(
                Criterion(
                    key, c.text, frozenset(c.applies_to), data_source(c.source, item.regulation)
                )
                for key, c in item.criteria.items()
            ),
            tuple(item.areas.names) if item.areas else (),
            data_source(item.areas.source, item.regulation) if item.areas else None,
        )
        for status, item in parsed.statuses.items()
    }


@cache
def bundled_criteria() -> tuple[str, dict[str, StatusCriteria]]:
    with resources.as_file(resources.files("accord.partners") / "status_criteria.yaml") as path:
        return load_criteria(path)


def criteria_of(charter: Charter) -> Mapping[str, StatusCriteria]:
    """The bundled criteria when they belong to this charter; none for another one."""
    owner, criteria = bundled_criteria()
    return criteria if owner == charter.id else {}
