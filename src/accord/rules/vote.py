"""What a vote came to: the outcome, and who blocked, stood aside, was absent or supported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from accord.rules.ruling import Ruling


class Outcome(StrEnum):
    ADOPTED = "adopted"
    #: Adopted without the members that stood aside (CHARTER-12 since Dec 2010).
    ADOPTED_RESTRICTED = "adopted_restricted"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class Vote:
    """The answer of ``voting.rule_on_outcome`` when the positions could be counted.

    >>> vote = Vote(Outcome.ADOPTED_RESTRICTED, standing_aside=("ARM",), supporting=("KAZ",))
    >>> vote.details()["outcome"], vote.details()["standing_aside"]
    ('adopted_restricted', ['ARM'])
    """

    outcome: Outcome
    blocked_by: tuple[str, ...] = ()
    standing_aside: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    supporting: tuple[str, ...] = ()

    @staticmethod
    def of(ruling: Ruling) -> Vote | None:
        """The vote a ruling on an outcome counted; ``None`` when it counted none."""
        return ruling.answer if isinstance(ruling.answer, Vote) else None

    def details(self) -> Mapping[str, Any]:
        return {
            "outcome": self.outcome.value,
            "blocked_by": list(self.blocked_by),
            "standing_aside": list(self.standing_aside),
            "absent": list(self.absent),
            "supporting": list(self.supporting),
        }
