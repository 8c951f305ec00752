"""What the seal's files say, as far as this database's keyring vouches for it: any file that
cannot be read or trusted is a journal that fails its check (JournalUnsound, naming why)."""

from __future__ import annotations

from accord.journal.heads import KeptHashes, TreeHead
from accord.journal.keyring import Keyring
from accord.journal.seal_files import SealFileError, SealFiles
from accord.journal.signing import SigningKey
from accord.journal.soundness import JournalUnsound


def keyring_of(files: SealFiles, key: SigningKey) -> Keyring:
    """The database's keyring: the one on file (after a rotation), else the key alone."""
    try:
        keyring = files.keyring()
    except SealFileError as error:
        raise JournalUnsound(None, str(error)) from None
    if keyring is None:
        return Keyring.of(key.public)
    if keyring.current != key.public:
        raise JournalUnsound(
            None,
            f"the key file holds key {key.public.key_id}, but {files.keys_path} names "
            f"{keyring.current.key_id} as this database's signing key: replace a key with "
            "`accord journal rotate-key`, never by hand (a rotation cut short leaves the new "
            "key beside the key file, as <key file>.next: move it over the key file)",
        )
    return keyring


def signed_head(files: SealFiles, keyring: Keyring) -> tuple[TreeHead, KeptHashes | None] | None:
    try:
        signed = files.signed()
    except SealFileError as error:
        raise JournalUnsound(None, str(error)) from None
    if signed is not None and not keyring.verifies(signed[0]):
        head = signed[0]
        raise JournalUnsound(
            None,
            f"{files.head_path}: its signature does not verify with key {head.key_id} at size "
            f"{head.size} (keys: {', '.join(p.public.key_id for p in keyring.periods)})",
        )
    return signed


def kept_hashes(files: SealFiles) -> bytes:
    try:
        return files.hashes()
    except SealFileError:
        return b""  # a finding aid only: the root is computed instead, and the file rebuilt
