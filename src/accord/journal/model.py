"""A journal entry and its hash: each entry seals the one before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
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
    #: The ruling's other findings (an outcome, who blocked, a date of effect), as JSON.
    details: dict[str, Any] = field(default_factory=dict)
    #: ``user:key`` of the client's Idempotency-Key: a retried request finds this entry.
    request_key: str | None = None
    prev: str = GENESIS
    hash: str = ""

    def sealed(self) -> Entry:
        # A shallow copy: ``asdict`` would deep-copy the payload and events for nothing.
        body = _hashed_body(self)
        return Entry(**body, hash=_digest(body))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        return cls(**data)


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: Entry) -> str:
    """SHA-256 of the entry's canonical JSON without its own hash (``prev`` included)."""
    return _digest(_hashed_body(entry))


#: The fields an entry's hash covers: all but the hash itself.
_HASHED = tuple(f.name for f in fields(Entry) if f.name != "hash")


def _hashed_body(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in _HASHED}


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical_json(body)).hexdigest()


def _canonical_json(data: Any) -> bytes:
    """``canonical`` of ``asdict``'s result, without ``asdict``'s deep copy: a dataclass nested
    in the payload or events is turned into a dict, as ``asdict`` would, when JSON meets it."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_as_dict
    ).encode()


def _as_dict(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
