"""When an instrument recorded in Accord enters into force: by the instrument's own rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SIGNATURE, LAST_RATIFICATION, NTH_RATIFICATION = (
    "signature",
    "last_ratification",
    "nth_ratification",
)
ENTRY_RULES = (SIGNATURE, LAST_RATIFICATION, NTH_RATIFICATION)


@dataclass(frozen=True)
class EntryRule:
    """``on`` one of ENTRY_RULES; ``threshold`` is the n of ``nth_ratification``.

    Ratifications and accessions count alike: each is a party's consent to be bound, the
    notification a depositary counts (the 1999 protocol: "the fifth notification",
    R-CST-EXT-1).
    """

    on: str
    threshold: int | None = None

    def in_force_from(
        self,
        parties: Sequence[str],
        signed: Mapping[str, dt.date],
        bound: Mapping[str, dt.date],
    ) -> dt.date | None:
        if self.on == SIGNATURE:
            return _when_all(parties, signed)
        if self.on == LAST_RATIFICATION:
            return _when_all(parties, bound)
        days = sorted(bound.values())
        needed = self.threshold or len(parties)
        return days[needed - 1] if len(days) >= needed else None

    def progress(
        self,
        parties: Sequence[str],
        signed: Mapping[str, dt.date],
        bound: Mapping[str, dt.date],
    ) -> str:
        """How far the instrument is from entering into force, in the rule's own terms."""
        if self.on == SIGNATURE:
            return f"{sum(p in signed for p in parties)} of {len(parties)} signatures"
        if self.on == LAST_RATIFICATION:
            return f"{sum(p in bound for p in parties)} of {len(parties)} ratifications"
        return f"{len(bound)} of {self.threshold} ratifications or accessions needed"

    def describe(self) -> str:
        if self.on == SIGNATURE:
            return "enters into force on signature, once every party has signed"
        if self.on == LAST_RATIFICATION:
            return "enters into force on the day of the last party's ratification"
        return (
            f"enters into force on the day of the {ordinal(self.threshold or 0)} "
            "ratification or accession"
        )


def _when_all(parties: Sequence[str], dates: Mapping[str, dt.date]) -> dt.date | None:
    if not parties or any(p not in dates for p in parties):
        return None
    return max(dates[p] for p in parties)


def ordinal(n: int) -> str:
    """
    Examples:
        >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 22)]
        ['1st', '2nd', '3rd', '4th', '11th', '12th', '22nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
