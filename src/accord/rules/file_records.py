"""The records a charter file's parts make: a cited source, a series of dated values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from accord.rules.charter import DatedSeries, DatedValue
from accord.rules.schema import DatedValueFile, SourceFile
from accord.rules.sources import Source


def record_source(item: SourceFile) -> Source:
    """A source as the data cites it."""
    return Source(
        item.confidence,
        tuple(item.refs),
        item.article,
        item.instrument,
        item.fact,
        item.note,
        item.basis,
    )


def dated_series(
    name: str, description: str, values: Mapping[dt.date, DatedValueFile]
) -> DatedSeries:
    """A parameter's (or a decision rule's) dated values, in order, each with its source."""
    dated = sorted(
        (
            DatedValue(
                start,
                v.value,
                record_source(v.source),
                {item: record_source(cited) for item, cited in v.items.items()},
            )
            for start, v in values.items()
        ),
        key=lambda d: d.start,
    )
    return DatedSeries(name, description, tuple(dated))
