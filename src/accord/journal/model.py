"""A journal entry and its hash: each entry seals the one before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    """One command as it was handled: who, when, what, under which articles, with what effect."""

    seq: int
    at: str
    actor: str
    command: str
    payload: dict[str, Any]
    allowed: bool
    articles: list[str]
    reasons: list[str]
    events: list[dict[str, Any]] = field(default_factory=list)
    prev: str = GENESIS
    hash: str = ""

    def sealed(self) -> Entry:
        return Entry(**{**asdict(self), "hash": entry_hash(self)})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        return cls(**data)


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: Entry) -> str:
    """SHA-256 of the entry's canonical JSON without its own hash (``prev`` included)."""
    body = asdict(entry)
    body.pop("hash")
    return hashlib.sha256(canonical(body)).hexdigest()
