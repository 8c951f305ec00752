"""The journal's Merkle tree, its signed heads and its keyring, checked with pymerkle's own
verifiers and its reference tree."""

import datetime as dt
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymerkle import InmemoryTree, InvalidProof, MerkleProof, verify_consistency, verify_inclusion

from accord.journal.heads import HeadError, KeptHashes, TreeHead
from accord.journal.keyring import Keyring, KeyringError
from accord.journal.signing import SigningKey
from accord.journal.tree import JournalTree, ProofRefused, leaf_hash

AT = "2026-01-06T01:00:00Z"


def hashes(count: int) -> list[bytes]:
    return [hashlib.sha256(f"entry {n}".encode()).digest() for n in range(1, count + 1)]


def head(key: SigningKey, tree: JournalTree, size: int | None = None) -> TreeHead:
    size = size or tree.get_size()
    return TreeHead.signed(key, size, tree.root_hex(size), dt.datetime(2026, 1, 6, tzinfo=dt.UTC))


@pytest.mark.parametrize("count", [1, 2, 3, 7, 8, 9, 100, 257])
def test_the_tree_has_the_root_of_pymerkles_own_tree_over_the_same_hashes(count):
    reference = InmemoryTree()
    for digest in hashes(count):
        reference.append_entry(digest)
    assert JournalTree(hashes(count)).get_root() == reference.get_root()


def test_an_empty_journal_has_the_hash_of_nothing_as_its_root():
    assert JournalTree().root_hex() == hashlib.sha256(b"").hexdigest()


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300).flatmap(lambda size: st.tuples(st.integers(1, size), st.just(size))))
def test_every_inclusion_proof_verifies_with_pymerkles_verifier(seq_and_size):
    seq, size = seq_and_size
    tree = JournalTree(hashes(size + 5))
    proof = MerkleProof.deserialize(tree.inclusion(seq, size))
    entry_hash = hashes(size)[seq - 1].hex()
    verify_inclusion(leaf_hash(entry_hash), tree.get_root(size), proof, seq, size)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300).flatmap(lambda later: st.tuples(st.integers(1, later), st.just(later))))
def test_every_consistency_proof_verifies_with_pymerkles_verifier(sizes):
    prior, later = sizes
    tree = JournalTree(hashes(later))
    proof = MerkleProof.deserialize(tree.consistency(prior, later))
    verify_consistency(tree.get_root(prior), tree.get_root(later), proof, prior, later)


def test_an_inclusion_proof_does_not_verify_another_entry():
    tree = JournalTree(hashes(20))
    proof = MerkleProof.deserialize(tree.inclusion(5, 20))
    with pytest.raises(InvalidProof):
        verify_inclusion(leaf_hash(hashes(20)[5].hex()), tree.get_root(), proof)


def test_a_rewritten_history_has_no_consistency_proof_from_the_old_root():
    honest = JournalTree(hashes(10))
    forged_hashes = hashes(12)
    forged_hashes[3] = hashlib.sha256(b"rewritten").digest()
    forged = JournalTree(forged_hashes)
    proof = MerkleProof.deserialize(forged.consistency(10, 12))
    with pytest.raises(InvalidProof):
        verify_consistency(honest.get_root(), forged.get_root(), proof, 10, 12)


def test_no_proof_is_offered_beyond_the_journal():
    tree = JournalTree(hashes(4))
    with pytest.raises(ProofRefused, match="no entry 5 in a journal of 4"):
        tree.inclusion(5, 4)
    with pytest.raises(ProofRefused, match="no proof from size 3 to size 9"):
        tree.consistency(3, 9)


def test_the_tree_grows_by_appending_with_the_same_roots_as_built_at_once():
    tree = JournalTree(hashes(50))
    tree.append_entries(hashes(80)[50:])
    assert tree.root_hex() == JournalTree(hashes(80)).root_hex()
    assert tree.root_hex(50) == JournalTree(hashes(50)).root_hex()


def test_a_head_verifies_with_the_public_key_alone_and_not_once_changed():
    key = SigningKey.generate()
    signed = head(key, JournalTree(hashes(10)))
    assert signed.at.endswith("Z")
    keyring = Keyring.of(key.public)
    assert keyring.verifies(signed)
    assert keyring.verifies(TreeHead.from_dict(signed.to_dict()))
    assert not keyring.verifies(TreeHead.from_dict({**signed.to_dict(), "size": 11}))
    assert not Keyring.of(SigningKey.generate().public).verifies(signed)


def test_a_kept_hashes_statement_is_no_head():
    key = SigningKey.generate()
    kept = KeptHashes.signed(key, 3, "ab" * 32, "cd" * 32)
    assert Keyring.of(key.public).verifies(kept)
    as_head = TreeHead(3, "ab" * 32, kept.key_id, AT, kept.signature)
    assert not Keyring.of(key.public).verifies(as_head)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"size": -1}, "size"),
        ({"size": "3"}, "size"),
        ({"root": "zz"}, "root"),
        ({"signature": ""}, "signature"),
    ],
)
def test_a_malformed_head_is_refused_naming_the_field(change, field):
    good = head(SigningKey.generate(), JournalTree(hashes(3))).to_dict()
    with pytest.raises(HeadError, match=field):
        TreeHead.from_dict(good | change)


def test_after_a_rotation_old_heads_verify_and_the_retired_key_signs_nothing_newer():
    old, new = SigningKey.generate(), SigningKey.generate()
    tree = JournalTree(hashes(30))
    keyring = Keyring.of(old.public).rotated(old, new, 20, tree.root_hex(20))
    assert keyring.verifies(head(old, tree, 10))
    assert keyring.verifies(head(old, tree, 20))
    assert not keyring.verifies(head(old, tree, 21))  # past its retirement
    assert keyring.verifies(head(new, tree, 30))
    assert not keyring.verifies(head(new, tree, 19))  # before it took over
    assert Keyring.from_dict(keyring.to_dict()) == keyring


def test_an_auditor_follows_a_rotation_announced_by_the_key_it_pinned():
    old, new, newer = SigningKey.generate(), SigningKey.generate(), SigningKey.generate()
    tree = JournalTree(hashes(40))
    server = (
        Keyring.of(old.public)
        .rotated(old, new, 20, tree.root_hex(20))
        .rotated(new, newer, 30, tree.root_hex(30))
    )
    trusted = Keyring.of(old.public).followed(Keyring.from_dict(server.to_dict()))
    assert trusted.current == newer.public
    assert trusted.verifies(head(newer, tree, 40))
    assert not trusted.verifies(head(old, tree, 40))


def test_a_successor_no_pinned_key_announced_is_not_trusted():
    pinned, stranger, other = SigningKey.generate(), SigningKey.generate(), SigningKey.generate()
    tree = JournalTree(hashes(10))
    server = Keyring.of(stranger.public).rotated(stranger, other, 5, tree.root_hex(5))
    trusted = Keyring.of(pinned.public).followed(server)
    assert trusted.current == pinned.public
    assert not trusted.verifies(head(other, tree))


def test_a_rotation_not_signed_by_the_key_it_retires_is_refused():
    pinned, thief, successor = SigningKey.generate(), SigningKey.generate(), SigningKey.generate()
    tree = JournalTree(hashes(10))
    forged = Keyring.of(thief.public).rotated(thief, successor, 5, tree.root_hex(5)).to_dict()
    forged["keys"][0]["public_key"] = pinned.public.to_text()
    forged["keys"][0]["key_id"] = pinned.public.key_id
    with pytest.raises(KeyringError, match="not signed by it"):
        Keyring.of(pinned.public).followed(Keyring.from_dict(forged))


def test_a_malformed_keyring_is_refused_naming_what_is_wrong():
    with pytest.raises(KeyringError, match="public_key"):
        Keyring.from_dict({"keys": [{"public_key": "not base64!", "from_size": 0}]})
    with pytest.raises(KeyringError, match="current key"):
        Keyring.from_dict({"keys": []})
