"""The charter's file formats, validated at the edge (Pydantic); unknown keys are errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from accord.rules.sources import Basis, Confidence


class FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CitedSource(FileModel):
    """Where a fact of a data file comes from: references in ../shared/reference and how sure."""

    confidence: Confidence
    refs: list[str] = Field(min_length=1)
    fact: str | None = None
    note: str | None = None


class SourceFile(CitedSource):
    """A source of the charter's own data, which names the article or instrument it rests on."""

    article: str | None = None
    instrument: str | None = None
    basis: Basis = Basis.TEXT

    @model_validator(mode="after")
    def _cites_something(self) -> SourceFile:
        if self.article is None and self.instrument is None:
            raise ValueError("a source names an article or an instrument")
        return self


class DatedValueFile(FileModel):
    value: Any
    source: SourceFile
    items: dict[str, SourceFile] = {}


class ReferenceFile(FileModel):
    title: str
    url: str | None = None
    kind: str = "secondary"


class CharterFile(FileModel):
    id: str
    name: str
    founding_instrument: str
    chair_body: str | None = None


class InstrumentFile(FileModel):
    id: str
    title: str
    kind: str
    signed: dt.date
    in_force: dt.date | None = None
    ended: dt.date | None = None
    amends: list[str] = []
    source: SourceFile
    in_force_source: SourceFile | None = None


class WordingFile(FileModel):
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    text: str = Field(min_length=1)
    source: SourceFile


class ArticleFile(FileModel):
    id: str
    number: str
    title: str
    wordings: list[WordingFile] = Field(min_length=1)


class ArticlesFile(FileModel):
    instrument: str
    articles: list[ArticleFile] = Field(min_length=1)


class PowerFile(FileModel):
    kinds: list[str] = Field(min_length=1)
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    requires: list[str] = []
    source: SourceFile


class BodyFile(FileModel):
    id: str
    name: str
    kind: str
    composition: str
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    source: SourceFile
    decision_rule: dict[dt.date, DatedValueFile] | None = None
    powers: list[PowerFile] = []


class ParameterFile(FileModel):
    description: str
    values: dict[dt.date, DatedValueFile] = Field(min_length=1)


class FrozenPeriodFile(FileModel):
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    #: The instant it began, where the facts give a time: on the day ``from``, with its zone
    #: (``2012-12-19T11:09:00+04:00``). Without one it begins at the start of its day.
    at: dt.datetime | None = None
    source: SourceFile
    note: str | None = None

    @model_validator(mode="after")
    def _at_on_its_day(self) -> FrozenPeriodFile:
        if self.at is None:
            return self
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("at: a time of day names its zone (+04:00, Z), or none is known")
        if self.at.date() != self.start:
            raise ValueError(f"at: {self.at.isoformat()} is not on the day from ({self.start})")
        return self


class StatusPeriodFile(FrozenPeriodFile):
    status: str


class StateFile(FileModel):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    name_ru: str = ""
    history: list[StatusPeriodFile] = Field(min_length=1)
    participation_frozen: list[FrozenPeriodFile] = []


class ChairTermFile(FileModel):
    state: str
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    source: SourceFile
    note: str | None = None


class ChairmanshipFile(FileModel):
    body: str
    terms: list[ChairTermFile] = Field(min_length=1)
