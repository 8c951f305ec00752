"""What the Crisis Response Centre asks of Accord's record about event data."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class RecordEventFile(Command):
    """An event file was added to the event store: who brought which file, and what it gave."""

    file: str
    format: str
    sha256: str
    rows_read: int
    rows_added: int
    bad_rows: int
