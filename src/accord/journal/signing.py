"""The server's Ed25519 key, which signs the journal's tree heads and the read-model snapshots.

The private key lives in one file outside the database and the repository (``key_file`` in the
settings), created on first start with mode 0600 and refused if anyone but its owner may read
it, as ssh refuses a private key. Whoever checks a signature needs the public key alone.
"""

from __future__ import annotations

import base64
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from accord.kernel.errors import AccordError


class KeyFileError(AccordError):
    """The key file cannot be used: unreadable, malformed, or open to others."""


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key, by its 32 raw bytes."""

    raw: bytes

    @property
    def key_id(self) -> str:
        """Names the key in a signed head: the first 16 hex digits of its SHA-256."""
        return hashlib.sha256(self.raw).hexdigest()[:16]

    def to_text(self) -> str:
        return base64.b64encode(self.raw).decode()

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        raw = base64.b64decode(text.encode(), validate=True)
        if len(raw) != 32:
            raise ValueError("an Ed25519 public key is 32 bytes")
        return cls(raw)

    def verifies(self, data: bytes, signature: str) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(bytes.fromhex(signature), data)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PublicKey(raw)

    def sign(self, data: bytes) -> str:
        """The signature, in hex."""
        return self.private.sign(data).hex()

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        """The key in ``path``; a new one written there (mode 0600) if there is none."""
        if not path.exists():
            key = cls.generate()
            key.write(path)
            return key
        return cls.load(path)

    @classmethod
    def load(cls, path: Path) -> SigningKey:
        """The key in ``path``: KeyFileError if it is missing, malformed or open to others."""
        try:
            mode = path.stat().st_mode
        except OSError as error:
            raise KeyFileError(f"key_file {path}: cannot read it ({error})") from None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyFileError(
                f"key_file {path}: mode {stat.S_IMODE(mode):04o} lets others read the private "
                "key; it must be 0600 (chmod 600)"
            )
        try:
            private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as error:
            raise KeyFileError(f"key_file {path}: not a readable private key ({error})") from None
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyFileError(f"key_file {path}: not an Ed25519 private key")
        return cls(private)

    def write(self, path: Path) -> None:
        """Into a new file, readable by its owner alone from the first byte (O_EXCL: never
        over another key)."""
        pem = self.private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
            file.flush()
            os.fsync(file.fileno())
