"""The batch every reader's first stage yields: raw text columns of the rows that had the
right shape, the line of each, and the bad rows met on the way.

Comma-separated files with a header (UCDP, ACLED) are read by
:mod:`accord.monitoring.ingest.commas`, tab-separated ones without (GDELT) by
:mod:`accord.monitoring.ingest.tabs`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from accord.monitoring.model import BadRow

Progress = Callable[[int], None]


@dataclass
class RawBatch:
    """Raw text fields of the rows that had the right shape, by column, plus their lines."""

    table: pa.Table
    bad_rows: list[BadRow] = field(default_factory=list)
    rows_read: int = 0


def finish_batch(
    batch: RawBatch, names: Sequence[str], columns: list[list[str]], lines: list[int]
) -> RawBatch:
    arrays = {"line": pa.array(lines, pa.int64())}
    arrays.update(
        {name: pa.array(values, pa.string()) for name, values in zip(names, columns, strict=True)}
    )
    batch.table = pa.table(arrays)
    return batch
