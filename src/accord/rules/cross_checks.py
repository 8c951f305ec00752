"""What every cross-file check of a charter stands on: a fault named by its file and key, a
source that must be known, dated items whose periods must not overlap."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Protocol

from accord.kernel.errors import CharterError
from accord.kernel.time import Period
from accord.rules.charter import Charter
from accord.rules.sources import Source


class _Dated(Protocol):
    @property
    def period(self) -> Period: ...


class CrossCheck:
    """A charter under check and the file each part of it came from."""

    def __init__(self, charter: Charter, origins: Mapping[str, str]) -> None:
        self.charter = charter
        self.origins = origins

    def fail(self, what: str, key: str, problem: str) -> CharterError:
        return CharterError(self.origins.get(what, what), key, problem)

    def source(self, what: str, key: str, source: Source) -> None:
        for ref in source.refs:
            if ref not in self.charter.references:
                raise self.fail(
                    what, f"{key}.refs", f"unknown source {ref!r} (not in sources.yaml)"
                )
        if source.article is not None and source.article not in self.charter.articles:
            raise self.fail(what, f"{key}.article", f"unknown article id {source.article!r}")
        if source.instrument is not None and source.instrument not in self.charter.instruments:
            raise self.fail(
                what, f"{key}.instrument", f"unknown instrument id {source.instrument!r}"
            )

    def no_overlap(self, what: str, key: str, items: Iterable[_Dated]) -> None:
        ordered = sorted(items, key=lambda item: item.period.start)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.period.overlaps(later.period):
                raise self.fail(
                    what, key, f"date ranges overlap: {earlier.period} and {later.period}"
                )
        for item in ordered:
            end = item.period.end
            if end is not None and end <= item.period.start:
                raise self.fail(what, key, f"range {item.period} ends before it starts")
