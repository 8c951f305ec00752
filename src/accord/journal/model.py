"""A journal entry and its hash: each entry seals the one before it.

An entry's hash is the SHA-256 of its *body*: the canonical JSON of every field but the hash.
The database keeps that body as stored bytes and reads the entry back from it, so checking an
entry is a hash over the bytes it is read from, at C speed, never a re-serialisation.
"""

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
    #: The canonical bytes the hash covers, once known (sealed, or read from the database).
    body: bytes = field(default=b"", compare=False, repr=False)

    def sealed(self) -> Entry:
        # A shallow copy: ``asdict`` would deep-copy the payload and events for nothing.
        hashed = _hashed_body(self)
        body = _canonical_json(hashed)
        return Entry(**hashed, hash=hashlib.sha256(body).hexdigest(), body=body)

    def stored_body(self) -> bytes:
        """The bytes to store: the sealed body, or the canonical JSON of the fields."""
        return self.body or _canonical_json(_hashed_body(self))

    def to_dict(self) -> dict[str, Any]:
        """Every field but the stored body (what an export or the API shows)."""
        return {**_hashed_body(self), "hash": self.hash}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        return cls(**data)

    @classmethod
    def from_body(cls, body: bytes, hash: str) -> Entry:
        """The entry stored as ``body`` under ``hash`` (not checked: ``verify`` does that)."""
        return cls(**json.loads(body), hash=hash, body=bytes(body))


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: Entry) -> str:
    """SHA-256 of the entry's canonical JSON without its own hash (``prev`` included)."""
    return hashlib.sha256(_canonical_json(_hashed_body(entry))).hexdigest()


#: The fields an entry's hash covers: all but the hash itself and the bytes it is taken over.
HASHED_FIELDS = tuple(f.name for f in fields(Entry) if f.name not in ("hash", "body"))


def _hashed_body(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in HASHED_FIELDS}


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
