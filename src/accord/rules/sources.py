"""Where a rule comes from: the article or instrument, the reference keys, the confidence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Confidence(StrEnum):
    """How sure the reference notes are (reference/treaty-facts.md: [V], [S], [M])."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"

    @property
    def rank(self) -> int:
        return list(Confidence).index(self)


def weakest(confidences: list[Confidence]) -> Confidence:
    """The least certain of several confidences: a chain is as sure as its weakest link."""
    return max(confidences, key=lambda c: c.rank, default=Confidence.VERIFIED)


class Basis(StrEnum):
    """What a source reads: what the text says, or what Accord infers from what it leaves out."""

    TEXT = "text"
    INFERENCE = "inference"


#: An inference from a text's silence is never surer than a secondary reading.
INFERENCE_CAP = Confidence.SECONDARY


@dataclass(frozen=True)
class Source:
    """The citation every value of the treaty data carries.

    ``caveats`` say why ``confidence`` is below what the data states for the value itself
    (the dating of the instrument it rests on, an inference); ``Source.capped`` adds them.
    """

    confidence: Confidence
    refs: tuple[str, ...]
    article: str | None = None
    instrument: str | None = None
    fact: str | None = None
    note: str | None = None
    basis: Basis = Basis.TEXT
    caveats: tuple[str, ...] = ()

    @property
    def cites(self) -> str:
        """The article id, or the instrument id when no article is known."""
        return self.article or self.instrument or "?"

    def capped(self, ceiling: Confidence, why: str) -> Source:
        """This source no surer than ``ceiling``; ``why`` is kept when it lowers it."""
        if self.confidence.rank >= ceiling.rank:
            return self
        return replace(self, confidence=ceiling, caveats=(*self.caveats, why))


@dataclass(frozen=True)
class Reference:
    """One entry of the charter's source index (a primary or secondary text)."""

    key: str
    title: str
    url: str | None = None
    kind: str = "secondary"
    extra: dict[str, str] = field(default_factory=dict)
