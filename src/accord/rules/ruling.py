"""A Ruling: allowed or refused, the reasons, the articles they rest on, and how sure they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.rules.sources import Confidence, Source, weakest


@dataclass(frozen=True)
class Reason:
    text: str
    source: Source | None = None

    def to_dict(self) -> dict[str, Any]:
        cited = self.source
        return {
            "text": self.text,
            "article": cited.cites if cited else None,
            "confidence": cited.confidence.value if cited else None,
            "refs": list(cited.refs) if cited else [],
            "note": cited.note if cited else None,
        }


@dataclass(frozen=True)
class Ruling:
    question: str
    as_of: dt.date
    allowed: bool
    reasons: tuple[Reason, ...]
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def articles(self) -> tuple[str, ...]:
        """Every article (or instrument) the reasons cite, in order, once each."""
        cited = (r.source.cites for r in self.reasons if r.source is not None)
        return tuple(dict.fromkeys(cited))

    @property
    def confidence(self) -> Confidence:
        return weakest([r.source.confidence for r in self.reasons if r.source is not None])

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "as_of": self.as_of.isoformat(),
            "allowed": self.allowed,
            "articles": list(self.articles),
            "confidence": self.confidence.value,
            "reasons": [r.to_dict() for r in self.reasons],
            **{key: _plain(value) for key, value in self.details.items()},
        }


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Because:
    """Collects the reasons of a ruling as the rules are applied, refusals first to last."""

    def __init__(self, question: str, day: dt.date) -> None:
        self.question = question
        self.day = day
        self.reasons: list[Reason] = []
        self.refused = False

    def note(self, text: str, source: Source | None = None) -> None:
        self.reasons.append(Reason(text, source))

    def refuse(self, text: str, source: Source | None = None) -> None:
        self.refused = True
        self.reasons.append(Reason(text, source))

    def ruling(self, **details: Any) -> Ruling:
        return Ruling(self.question, self.day, not self.refused, tuple(self.reasons), details)
