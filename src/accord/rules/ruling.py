"""A Ruling: allowed or refused, the reasons, the articles they rest on, and how sure they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from accord.rules.sources import Basis, Confidence, Source, weakest


@dataclass(frozen=True)
class Reason:
    text: str
    source: Source | None = None

    @property
    def said(self) -> str:
        """The text, saying so when it rests on an inference from the treaty's silence."""
        inferred = self.source is not None and self.source.basis is Basis.INFERENCE
        return f"{self.text} (inferred from the text's silence)" if inferred else self.text

    def to_dict(self) -> dict[str, Any]:
        cited = self.source
        return {
            "text": self.said,
            "article": cited.cites if cited else None,
            "confidence": cited.confidence.value if cited else None,
            "refs": list(cited.refs) if cited else [],
            "note": cited.note if cited else None,
            "basis": cited.basis.value if cited else None,
            "caveats": list(cited.caveats) if cited else [],
        }


class Answer(Protocol):
    """What a rule found beyond allowed or not (a vote's outcome, a chair), typed.

    Its ``details`` are the ruling's details as the API shows them and the journal keeps them.
    """

    def details(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class Ruling:
    """``answer`` is the typed finding of the rule that gave it; a ruling rebuilt from a journal
    entry has only the ``details`` the entry kept."""

    question: str
    as_of: dt.date
    allowed: bool
    reasons: tuple[Reason, ...]
    details: Mapping[str, Any] = field(default_factory=dict)
    answer: Answer | None = None

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

    def ruling(self, answer: Answer | None = None, **details: Any) -> Ruling:
        found = {**answer.details(), **details} if answer is not None else details
        return Ruling(self.question, self.day, not self.refused, tuple(self.reasons), found, answer)
