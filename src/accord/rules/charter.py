"""The charter as loaded: instruments, articles, bodies, parameters, states and chairs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from accord.kernel.time import Period
from accord.rules.histories import StateRecord as StateRecord
from accord.rules.histories import StatusPeriod as StatusPeriod
from accord.rules.sources import Reference, Source


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    kind: str
    signed: dt.date
    in_force: dt.date | None
    ended: dt.date | None
    amends: tuple[str, ...]
    source: Source
    in_force_source: Source | None = None

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force is not None and Period(self.in_force, self.ended).contains(day)


@dataclass(frozen=True)
class Wording:
    period: Period
    text: str
    source: Source


@dataclass(frozen=True)
class Article:
    id: str
    instrument: str
    number: str
    title: str
    wordings: tuple[Wording, ...]

    def wording_on(self, day: dt.date) -> Wording | None:
        return next((w for w in self.wordings if w.period.contains(day)), None)


@dataclass(frozen=True)
class DatedValue:
    """``items`` cite, for some items of a list value, the source of that item alone: a rule
    about one item cites its own source, never the list's."""

    start: dt.date
    value: Any
    source: Source
    items: Mapping[str, Source] = field(default_factory=dict)

    def source_of(self, item: str | None = None) -> Source:
        return self.items.get(item, self.source) if item is not None else self.source


@dataclass(frozen=True)
class DatedSeries:
    """A value of the law that changes on dates; each value holds until the next one."""

    id: str
    description: str
    values: tuple[DatedValue, ...]

    def on(self, day: dt.date) -> DatedValue | None:
        current = None
        for dated in self.values:
            if dated.start <= day:
                current = dated
        return current


@dataclass(frozen=True)
class Power:
    """A kind of decision a body takes, from a date, under conditions named in the data."""

    kinds: tuple[str, ...]
    period: Period
    requires: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str
    composition: str
    decision_rule: DatedSeries | None
    powers: tuple[Power, ...]
    period: Period
    source: Source

    def decides_on(self, kind: str, day: dt.date) -> Power | None:
        return next((p for p in self.powers if kind in p.kinds and p.period.contains(day)), None)


@dataclass(frozen=True)
class ChairTerm:
    state: str
    period: Period
    source: Source
    note: str | None = None


@dataclass(frozen=True)
class Charter:
    id: str
    name: str
    founding_instrument: str
    references: Mapping[str, Reference]
    instruments: Mapping[str, Instrument]
    articles: Mapping[str, Article]
    bodies: Mapping[str, Body]
    parameters: Mapping[str, DatedSeries]
    states: Mapping[str, StateRecord]
    chair_terms: tuple[ChairTerm, ...]
    chair_body: str | None

    @property
    def founded(self) -> dt.date:
        return self.instruments[self.founding_instrument].signed

    def with_states(self, states: Mapping[str, StateRecord]) -> Charter:
        """This charter with some states' histories replaced (records kept by Accord)."""
        return replace(self, states={**self.states, **states})
