"""The journal as a Merkle tree (RFC 6962 / 9162 style): one leaf per entry, in seq order.

A leaf is the SHA-256 of 0x00 and the entry's 32-byte hash, an interior node the SHA-256 of
0x01 and its two children: pymerkle's hashing with its second-preimage protection on, so the
proofs it gives verify with its own ``verify_inclusion`` and ``verify_consistency``. The tree
is pymerkle's ``BaseMerkleTree`` over the list of leaf hashes kept here (32 bytes per entry);
its subroot cache makes a head or a proof after each group commit cost a few hashes, not a
pass over the journal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from pymerkle import BaseMerkleTree, ConsistencyProof, InclusionProof, InvalidChallenge
from pymerkle.core import synchronized

ALGORITHM = "sha256"
HASH_BYTES = 32
_LEAF_PREFIX = b"\x00"
#: pymerkle's cache of perfect-subtree roots (about 300 bytes each) would grow to 1 GiB by
#: default; 64 MiB keeps some 200,000, far more than a journal of millions asks for.
_CACHE_BYTES = 64 * 1024 * 1024


class ProofRefused(ValueError):
    """No proof exists for these sizes (or this entry) in a journal of this size."""


class JournalTree(BaseMerkleTree):  # type: ignore[misc]  # pymerkle ships no type hints
    def __init__(self, entry_hashes: Iterable[bytes] = ()) -> None:
        self._leaves: list[bytes] = []
        super().__init__(ALGORITHM, capacity=_CACHE_BYTES)
        self.append_entries(entry_hashes)

    # pymerkle's storage interface: the data of a leaf is the entry's hash.
    def _encode_entry(self, data: bytes) -> bytes:
        return data

    def _store_leaf(self, data: bytes, digest: bytes) -> int:
        self._leaves.append(digest)
        return len(self._leaves)

    def _get_leaf(self, index: int) -> bytes:
        return self._leaves[index - 1]

    def _get_leaves(self, offset: int, width: int) -> list[bytes]:
        return self._leaves[offset : offset + width]

    def _get_size(self) -> int:
        return len(self._leaves)

    @synchronized  # type: ignore[untyped-decorator]
    def append_entries(self, entries: Iterable[bytes]) -> int:
        """The bulk append pymerkle invites subclasses to write: the leaf hashes in one pass
        (a plain ``append_entry`` costs ~9 µs a leaf; this, well under one)."""
        sha256 = hashlib.sha256
        self._leaves.extend(sha256(_LEAF_PREFIX + digest).digest() for digest in entries)
        return len(self._leaves)

    def root_hex(self, size: int | None = None) -> str:
        return bytes(self.get_root(size)).hex()

    def inclusion(self, seq: int, size: int) -> dict[str, Any]:
        """Entry ``seq`` is leaf ``seq`` of the journal of ``size`` entries: pymerkle's proof."""
        try:
            proof: InclusionProof = self.prove_inclusion(seq, size)
        except InvalidChallenge:
            raise ProofRefused(
                f"no entry {seq} in a journal of {size} (this one holds {self.get_size()})"
            ) from None
        return dict(proof.serialize())

    def consistency(self, prior: int, later: int) -> dict[str, Any]:
        """The journal of ``later`` entries extends the one of ``prior``: pymerkle's proof."""
        try:
            proof: ConsistencyProof = self.prove_consistency(prior, later)
        except InvalidChallenge:
            raise ProofRefused(
                f"no proof from size {prior} to size {later} "
                f"(sizes from 1 to {self.get_size()}, the first no larger)"
            ) from None
        return dict(proof.serialize())


def split(hashes: bytes) -> list[bytes]:
    """Entry hashes laid end to end, 32 bytes each, one by one."""
    return [hashes[at : at + HASH_BYTES] for at in range(0, len(hashes), HASH_BYTES)]


def leaf_hash(entry_hash: str) -> bytes:
    """The leaf of an entry in the tree, from its hex hash."""
    return hashlib.sha256(_LEAF_PREFIX + bytes.fromhex(entry_hash)).digest()
