"""The catalog of standing operations, read once from catalog.yaml beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from accord.kernel.errors import CharterError, NotFound
from accord.rules.sources import Confidence, Source
from accord.rules.yamlfiles import read_yaml


class _SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confidence: Confidence
    refs: list[str] = Field(min_length=1)
    note: str | None = None


class _OperationFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name_ru: str
    subject: str
    since: int
    permanent_since: int | None = None
    source: _SourceFile


@dataclass(frozen=True)
class StandingOperation:
    name: str
    name_ru: str
    subject: str
    since: int
    permanent_since: int | None
    source: Source


@cache
def standing_operations() -> dict[str, StandingOperation]:
    with resources.as_file(resources.files("accord.operations") / "catalog.yaml") as path:
        raw = read_yaml(path, "operations/catalog.yaml") or {}
    found = {}
    for name, entry in raw.items():
        try:
            parsed = _OperationFile.model_validate(entry)
        except ValidationError as error:
            raise CharterError("operations/catalog.yaml", name, error.errors()[0]["msg"]) from None
        source = Source(
            parsed.source.confidence,
            tuple(parsed.source.refs),
            fact="treaty-facts c.2",
            note=parsed.source.note,
        )
        found[name] = StandingOperation(
            name, parsed.name_ru, parsed.subject, parsed.since, parsed.permanent_since, source
        )
    return found


def find_operation(name: str) -> StandingOperation:
    """An operation by its name or its Russian name, in any letter case."""
    wanted = name.strip().lower()
    for operation in standing_operations().values():
        if wanted in (operation.name.lower(), operation.name_ru.lower()):
            return operation
    known = ", ".join(standing_operations())
    raise NotFound(f"no standing operation {name!r} (the operations are {known})")
