"""A delegation's audit of the journal over the API: the last head it saw, kept in a file of
its own with the keys it trusts, against the head the server signs now.

The new head must be signed by a trusted key (the one pinned at the first audit, or one that
a trusted key announced as its successor), and the journal it vouches for must extend the
last one seen: same size, same root; larger, a consistency proof from the old size to the
new that pymerkle's verifier accepts. Anything else means the history was rewritten.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from pymerkle import InvalidProof, MerkleProof, verify_consistency

from accord.journal.heads import HeadError, TreeHead
from accord.journal.keyring import Keyring, KeyringError
from accord.journal.signing import PublicKey


class AuditUnreadable(Exception):
    """The audit could not be made: its file, the server or an answer unreadable (exit 2)."""


class Inconsistent(Exception):
    """The server's journal is not the one last seen, extended (exit 1)."""


@dataclass(frozen=True)
class AuditState:
    url: str
    keyring: Keyring
    head: TreeHead | None = None

    @classmethod
    def first(cls, url: str, public_key: str) -> AuditState:
        try:
            return cls(url, Keyring.of(PublicKey.from_text(public_key)))
        except ValueError as error:
            raise AuditUnreadable(f"--public-key: not an Ed25519 key in base64 ({error})") from None

    @classmethod
    def load(cls, path: Path) -> AuditState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            head = TreeHead.from_dict(data["head"]) if data.get("head") else None
            return cls(str(data["url"]), Keyring.from_dict(data["keyring"]), head)
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
            raise AuditUnreadable(f"{path}: not an audit file: {error}") from None

    def save(self, path: Path) -> None:
        data = {
            "url": self.url,
            "keyring": self.keyring.to_dict(),
            "head": self.head.to_dict() if self.head else None,
        }
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, path)


def audit(state: AuditState, client: httpx.Client) -> tuple[AuditState, str]:
    """The state after this audit and what it found; Inconsistent if the journal was not
    only appended to since the last head seen."""
    try:
        keyring = state.keyring.followed(Keyring.from_dict(_get(client, "/journal/keys")))
    except KeyringError as error:
        raise Inconsistent(f"the server's keys: {error}") from None
    try:
        head = TreeHead.from_dict(_get(client, "/journal/head"))
    except HeadError as error:
        raise AuditUnreadable(f"GET /journal/head: not a signed head: {error}") from None
    if not keyring.verifies(head):
        raise Inconsistent(
            f"the head of size {head.size} is signed with key {head.key_id}, which no key you "
            "trust is or announced (or not for that size)"
        )
    old, found = state.head, f"size {head.size}, root {head.root[:16]}…, signed {head.at}"
    if old is not None:
        _extends(client, old, head)
        found = f"consistent: size {old.size} → {head.size}; {found}"
    return AuditState(state.url, keyring, head), found


def _extends(client: httpx.Client, old: TreeHead, new: TreeHead) -> None:
    if new.size < old.size:
        raise Inconsistent(f"the journal shrank from {old.size} entries to {new.size}")
    if new.size == old.size or old.size == 0:
        if new.size == old.size and new.root != old.root:
            raise Inconsistent(f"the journal of {old.size} entries has another root now")
        return
    answer = _get(client, "/journal/proofs/consistency", {"from": old.size, "to": new.size})
    try:
        proof = MerkleProof.deserialize(answer["proof"])
        verify_consistency(
            bytes.fromhex(old.root), bytes.fromhex(new.root), proof, old.size, new.size
        )
    except (KeyError, TypeError) as error:
        raise AuditUnreadable(f"the consistency proof is malformed: {error}") from None
    except InvalidProof as error:
        raise Inconsistent(
            f"the journal of {new.size} entries does not extend the one of {old.size} you saw "
            f"on {old.at} ({error}): its history was rewritten"
        ) from None


def _get(client: httpx.Client, path: str, params: dict[str, Any] | None = None) -> Any:
    try:
        answer = client.get(path, params=params)
    except httpx.HTTPError as error:
        raise AuditUnreadable(f"GET {path}: {error or type(error).__name__}") from None
    if answer.status_code != 200:
        raise AuditUnreadable(f"GET {path}: {answer.status_code} {answer.text[:300]}")
    try:
        return answer.json()
    except ValueError:
        raise AuditUnreadable(f"GET {path}: the answer is not JSON") from None
