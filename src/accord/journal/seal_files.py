"""The journal's seal outside the database, in the database's own state folder:

- ``journal-head.json``: the latest signed tree head, replaced atomically (a temporary file,
  fsync, rename), never by a smaller one; beside it, signed too, the
  SHA-256 of the hashes below as far as the head goes;
- ``journal-hashes.bin``: the hash of every entry the heads vouch for, 32 bytes each in seq
  order, so that a history rewritten in the database is named at its first changed entry,
  and a start whose database holds these very hashes needs no Merkle root (the file is
  trusted only as far as its signed SHA-256 goes);
- ``journal-keys.json``: the keyring, once a key has been rotated;
- ``journal-seal.lock``: taken (flock) by every process that writes the three, since a server
  and ``accord send`` may both sign after their commits.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from accord.journal.heads import HeadError, KeptHashes, TreeHead
from accord.journal.keyring import Keyring, KeyringError

HASH_BYTES = 32
_NAMES = ("journal-head.json", "journal-hashes.bin", "journal-keys.json")


class SealFileError(ValueError):
    """A seal file that cannot be read: names the file and what is wrong."""


class SealFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.head_path = folder / "journal-head.json"
        self.hashes_path = folder / "journal-hashes.bin"
        self.keys_path = folder / "journal-keys.json"
        self.lock_path = folder / "journal-seal.lock"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """The files to this process alone for the block (other processes wait)."""
        descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the flock

    def head(self) -> TreeHead | None:
        signed = self.signed()
        return signed[0] if signed else None

    def signed(self) -> tuple[TreeHead, KeptHashes | None] | None:
        """The signed head and the signed digest of the kept hashes, if there is a head."""
        data = self._json(self.head_path)
        if data is None:
            return None
        try:
            kept = data.get("kept") if isinstance(data, dict) else None
            return TreeHead.from_dict(data.get("head")), KeptHashes.from_dict(
                kept
            ) if kept else None
        except (HeadError, AttributeError) as error:
            raise SealFileError(f"{self.head_path}: not a signed head: {error}") from None

    def write_head(self, head: TreeHead, kept: KeptHashes) -> None:
        data = {"head": head.to_dict(), "kept": kept.to_dict()}
        # No fsync of the folder: a rename a power loss undoes leaves the head before it,
        # behind the journal, which the next start accepts (the tail checked by its chain).
        self._replace(self.head_path, json.dumps(data, indent=1).encode(), durable_rename=False)

    def keyring(self) -> Keyring | None:
        data = self._json(self.keys_path)
        if data is None:
            return None
        try:
            return Keyring.from_dict(data)
        except KeyringError as error:
            raise SealFileError(f"{self.keys_path}: {error}") from None

    def write_keyring(self, keyring: Keyring) -> None:
        self._replace(self.keys_path, json.dumps(keyring.to_dict(), indent=1).encode())

    def hashes(self) -> bytes:
        """The entry hashes kept so far, 32 bytes each (a torn last one left out)."""
        try:
            data = self.hashes_path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as error:
            raise SealFileError(f"{self.hashes_path}: cannot read it: {error}") from None
        return data[: len(data) - len(data) % HASH_BYTES]

    def hashes_kept(self) -> int:
        try:
            return self.hashes_path.stat().st_size // HASH_BYTES
        except FileNotFoundError:
            return 0

    def extend_hashes(self, hashes: bytes) -> None:
        """Append those of ``hashes`` (32 bytes each) past the ones the file holds. Not synced:
        its signed SHA-256 is checked before it is trusted, and it is rebuilt when it fails."""
        kept = self.hashes_kept() * HASH_BYTES
        if len(hashes) <= kept:
            return
        descriptor = os.open(self.hashes_path, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "r+b") as file:
            file.truncate(kept)  # a torn tail goes
            file.seek(kept)
            file.write(hashes[kept:])

    def write_hashes(self, hashes: bytes) -> None:
        self._replace(self.hashes_path, hashes)

    def forget(self) -> None:
        """Remove the seal (a database deliberately recreated at the same address)."""
        for name in _NAMES:
            (self.folder / name).unlink(missing_ok=True)

    @staticmethod
    def _json(path: Path) -> Any:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            raise SealFileError(f"{path}: cannot read it: {error}") from None
        try:
            return json.loads(text)
        except ValueError as error:
            raise SealFileError(f"{path}: not JSON: {error}") from None

    def _replace(self, path: Path, data: bytes, durable_rename: bool = True) -> None:
        """Atomically: a reader sees the old file or the new one, never half of one."""
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        if not durable_rename:
            return
        folder = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(folder)  # the rename itself survives a power loss
        finally:
            os.close(folder)
