"""Each kind of file of a charter folder read into the Charter's records: every file is read
within bounds (``yamlfiles``) and each record remembers the file it came from, so that a
record defined twice names both."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from accord.kernel.errors import CharterError
from accord.kernel.time import Period
from accord.rules.charter import (
    Article,
    Body,
    ChairTerm,
    DatedSeries,
    Instrument,
    Power,
    StateRecord,
    StatusPeriod,
    Wording,
)
from accord.rules.file_records import dated_series, record_source
from accord.rules.histories import ending_where_next_begins
from accord.rules.schema import (
    ArticlesFile,
    BodyFile,
    ChairmanshipFile,
    InstrumentFile,
    ParameterFile,
    ReferenceFile,
    StateFile,
)
from accord.rules.sources import Reference
from accord.rules.yamlfiles import read_model, read_yaml

Model = TypeVar("Model", bound=BaseModel)


class CharterFiles:
    """The files of one charter folder, read kind by kind."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.origins: dict[str, str] = {}

    def one(self, relative: str, model: type[Model]) -> Model:
        return read_model(self.root / relative, model, relative)

    def each(self, folder: str, model: type[Model]) -> list[tuple[str, Model]]:
        base = self.root / folder
        paths = sorted(base.rglob("*.yaml")) if base.is_dir() else []
        return [
            (str(p.relative_to(self.root)), self.one(str(p.relative_to(self.root)), model))
            for p in paths
        ]

    def references(self) -> dict[str, Reference]:
        raw = read_yaml(self.root / "sources.yaml", "sources.yaml") or {}
        if not isinstance(raw, dict):
            raise CharterError("sources.yaml", "", "a mapping of reference keys to references")
        references = {}
        for key, entry in raw.items():
            try:
                parsed = ReferenceFile.model_validate(entry)
            except ValidationError as error:
                raise CharterError("sources.yaml", str(key), error.errors()[0]["msg"]) from None
            references[key] = Reference(key, parsed.title, parsed.url, parsed.kind)
        return references

    def instruments(self) -> dict[str, Instrument]:
        found: dict[str, Instrument] = {}
        for file, item in self.each("instruments", InstrumentFile):
            self._claim(f"instrument {item.id}", file)
            found[item.id] = Instrument(
                item.id,
                item.title,
                item.kind,
                item.signed,
                item.in_force,
                item.ended,
                tuple(item.amends),
                record_source(item.source),
                record_source(item.in_force_source) if item.in_force_source else None,
            )
        return found

    def articles(self) -> dict[str, Article]:
        found: dict[str, Article] = {}
        for file, group in self.each("articles", ArticlesFile):
            for index, item in enumerate(group.articles):
                self._claim(f"article {item.id}", f"{file}: articles[{index}]")
                wordings = tuple(
                    Wording(Period(w.start, w.end), w.text, record_source(w.source))
                    for w in item.wordings
                )
                found[item.id] = Article(
                    item.id, group.instrument, item.number, item.title, wordings
                )
        return found

    def bodies(self) -> dict[str, Body]:
        found: dict[str, Body] = {}
        for file, item in self.each("bodies", BodyFile):
            self._claim(f"body {item.id}", file)
            rule = (
                dated_series(f"{item.id}.decision_rule", item.name, item.decision_rule)
                if item.decision_rule
                else None
            )
            powers = tuple(
                Power(
                    tuple(p.kinds),
                    Period(p.start, p.end),
                    tuple(p.requires),
                    record_source(p.source),
                )
                for p in item.powers
            )
            found[item.id] = Body(
                item.id,
                item.name,
                item.kind,
                item.composition,
                rule,
                powers,
                Period(item.start, item.end),
                record_source(item.source),
            )
        return found

    def parameters(self) -> dict[str, DatedSeries]:
        found: dict[str, DatedSeries] = {}
        for file, item in self.each("parameters", ParameterFile):
            name = file.removeprefix("parameters/").removesuffix(".yaml")
            self._claim(f"parameter {name}", file)
            found[name] = dated_series(name, item.description, item.values)
        return found

    def states(self) -> dict[str, StateRecord]:
        found: dict[str, StateRecord] = {}
        for file, item in self.each("members", StateFile):
            self._claim(f"state {item.code}", file)
            history = ending_where_next_begins(
                tuple(
                    StatusPeriod(
                        h.status, Period(h.start, h.end, h.at), record_source(h.source), h.note
                    )
                    for h in item.history
                )
            )
            frozen = tuple(
                StatusPeriod(
                    "participation_frozen",
                    Period(f.start, f.end, f.at),
                    record_source(f.source),
                    f.note,
                )
                for f in item.participation_frozen
            )
            found[item.code] = StateRecord(item.code, item.name, item.name_ru, history, frozen)
        return found

    def chair_terms(self) -> tuple[ChairTerm, ...]:
        if not (self.root / "chairmanship.yaml").is_file():
            return ()
        item = self.one("chairmanship.yaml", ChairmanshipFile)
        self.origins["chairmanship"] = "chairmanship.yaml"
        return tuple(
            ChairTerm(t.state, Period(t.start, t.end), record_source(t.source), t.note)
            for t in item.terms
        )

    def _claim(self, what: str, where: str) -> None:
        if what in self.origins:
            raise CharterError(
                where,
                what.split(" ", 1)[1],
                f"{what} is defined twice (also in {self.origins[what]})",
            )
        self.origins[what] = where
