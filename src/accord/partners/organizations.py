"""International organizations as data: who they are, and what the cooperation rests on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import Field

from accord.rules.charter import Charter
from accord.rules.schema import CitedSource, FileModel
from accord.rules.sources import Source
from accord.rules.yamlfiles import read_model


@dataclass(frozen=True)
class Cooperation:
    what: str
    kind: str
    date: dt.date | None
    when: str | None
    source: Source


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    cooperation: tuple[Cooperation, ...]
    note: str | None = None


class _CooperationFile(FileModel):
    what: str
    kind: str
    date: dt.date | None = None
    when: str | None = None
    source: CitedSource


class _OrganizationFile(FileModel):
    name: str
    note: str | None = None
    cooperation: list[_CooperationFile] = Field(default_factory=list)


class _OrganizationsFile(FileModel):
    charter: str
    organizations: dict[str, _OrganizationFile]


@dataclass(frozen=True)
class Organizations:
    """The organizations one charter's Organization cooperates with."""

    charter: str
    by_id: Mapping[str, Organization]


def data_source(item: CitedSource, instrument: str | None = None) -> Source:
    return Source(
        item.confidence, tuple(item.refs), instrument=instrument, fact=item.fact, note=item.note
    )


def load_organizations(path: Path) -> Organizations:
    parsed = read_model(path, _OrganizationsFile, path.name)
    return Organizations(
        parsed.charter,
        {key: _organization(key, item) for key, item in parsed.organizations.items()},
    )


def _organization(key: str, item: _OrganizationFile) -> Organization:
    return Organization(
        key,
        item.name,
        tuple(
            Cooperation(
                c.what,
                c.kind,
                c.date,
                c.when,
                data_source(c.source),
            )
            for c in item.cooperation
        ),
        item.note,
    )


@cache
def bundled_organizations() -> Organizations:
    with resources.as_file(resources.files("accord.partners") / "organizations.yaml") as path:
        return load_organizations(path)


def organizations_of(charter: Charter) -> Mapping[str, Organization]:
    """The bundled organizations when they belong to this charter; none for another one."""
    bundled = bundled_organizations()
    return bundled.by_id if bundled.charter == charter.id else {}
