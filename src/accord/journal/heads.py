"""Signed tree heads: the server's word, under its Ed25519 key, that its journal of ``size``
entries has Merkle root ``root``.

The signature covers a context line and the canonical JSON of ``{size, root, key_id, at}``:
the context keeps a head's signature from being taken for anything else the key signs (a
rotation, a read-model snapshot).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from accord.journal.model import canonical
from accord.journal.signing import SigningKey

HEAD_CONTEXT = b"accord journal tree head v1\n"
KEPT_CONTEXT = b"accord journal kept hashes v1\n"


class HeadError(ValueError):
    """A signed head that cannot be read: names the field and what is wrong."""


@dataclass(frozen=True)
class TreeHead:
    size: int
    root: str
    key_id: str
    at: str
    signature: str

    def statement(self) -> bytes:
        """The bytes the signature covers."""
        fields = {"size": self.size, "root": self.root, "key_id": self.key_id, "at": self.at}
        return HEAD_CONTEXT + canonical(fields)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def signed(cls, key: SigningKey, size: int, root: str, at: dt.datetime) -> TreeHead:
        stamp = at.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        unsigned = cls(size, root, key.public.key_id, stamp, "")
        return cls(size, root, unsigned.key_id, stamp, key.sign(unsigned.statement()))

    @classmethod
    def from_dict(cls, data: Any) -> TreeHead:
        """A head from its JSON; HeadError naming the field if it is not one."""
        if not isinstance(data, dict):
            raise HeadError("a signed head is a JSON object")
        size = data.get("size")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise HeadError("size: a whole number of entries, 0 or more")
        texts = {name: data.get(name) for name in ("root", "key_id", "at", "signature")}
        for name, value in texts.items():
            if not isinstance(value, str) or not value:
                raise HeadError(f"{name}: a non-empty string")
        if len(texts["root"] or "") != 64 or not _is_hex(texts["root"] or ""):
            raise HeadError("root: 64 hex digits (a SHA-256)")
        return cls(size, **texts)  # type: ignore[arg-type]


@dataclass(frozen=True)
class KeptHashes:
    """The server's own word (never an auditor's concern) that the first ``size`` entry hashes
    it keeps beside the head have SHA-256 ``sha256`` and give ``root``: a start that finds the
    database's hashes equal to those needs no Merkle root to know they give the signed one."""

    size: int
    root: str
    sha256: str
    key_id: str
    signature: str

    def statement(self) -> bytes:
        fields = {"size": self.size, "root": self.root, "sha256": self.sha256}
        return KEPT_CONTEXT + canonical({**fields, "key_id": self.key_id})

    @classmethod
    def signed(cls, key: SigningKey, size: int, root: str, sha256: str) -> KeptHashes:
        unsigned = cls(size, root, sha256, key.public.key_id, "")
        return cls(size, root, sha256, unsigned.key_id, key.sign(unsigned.statement()))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> KeptHashes:
        if not isinstance(data, dict) or not isinstance(data.get("size"), int):
            raise HeadError("kept: an object with a whole size")
        texts = [data.get(name) for name in ("root", "sha256", "key_id", "signature")]
        if not all(isinstance(text, str) for text in texts):
            raise HeadError("kept: root, sha256, key_id and signature are strings")
        return cls(data["size"], *texts)  # type: ignore[arg-type]


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True
