"""Which key signs which heads: the current key, and each retired one with the journal size at
which it retired, so that old heads still verify and a retired key signs nothing newer.

A rotation is announced by the key it retires: a statement naming the successor's public key
and the size (and root) at which the successor takes over, signed by the retiring key. An
auditor who pinned a key follows the announcements from it and trusts no key otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from accord.journal.heads import HeadError, KeptHashes, TreeHead
from accord.journal.model import canonical
from accord.journal.signing import PublicKey, SigningKey

ROTATION_CONTEXT = b"accord journal key rotation v1\n"


class KeyringError(ValueError):
    """A keyring or a rotation that cannot be trusted or read: says which and why."""


@dataclass(frozen=True)
class Rotation:
    """Key ``retired`` signs no head beyond ``size``; ``successor`` signs from ``size`` on."""

    retired: str  # key id
    size: int
    root: str
    successor: str  # the successor's public key, base64
    at: str
    signature: str

    def statement(self) -> bytes:
        fields = {
            "retired": self.retired,
            "size": self.size,
            "root": self.root,
            "successor": self.successor,
            "at": self.at,
        }
        return ROTATION_CONTEXT + canonical(fields)

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


@dataclass(frozen=True)
class KeyPeriod:
    public: PublicKey
    from_size: int
    until_size: int | None = None  # None: the current key
    rotation: Rotation | None = None  # the announcement that retired it

    def covers(self, size: int) -> bool:
        return self.from_size <= size and (self.until_size is None or size <= self.until_size)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.public.key_id,
            "public_key": self.public.to_text(),
            "from_size": self.from_size,
            "until_size": self.until_size,
            "rotation": self.rotation.to_dict() if self.rotation else None,
        }


@dataclass(frozen=True)
class Keyring:
    periods: tuple[KeyPeriod, ...]

    @classmethod
    def of(cls, public: PublicKey, from_size: int = 0) -> Keyring:
        return cls((KeyPeriod(public, from_size),))

    @property
    def current(self) -> PublicKey:
        return self.periods[-1].public

    def verifies(self, head: TreeHead | KeptHashes) -> bool:
        """Signed by the key that was current at the head's size, and that key's signature."""
        return any(
            period.public.key_id == head.key_id
            and period.covers(head.size)
            and period.public.verifies(head.statement(), head.signature)
            for period in self.periods
        )

    def rotated(self, old: SigningKey, new: SigningKey, size: int, root: str) -> Keyring:
        """The keyring once ``old`` retires at ``size`` (root ``root``) for ``new``."""
        if old.public != self.current:
            raise KeyringError(f"key {old.public.key_id} is not the current key")
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        unsigned = Rotation(old.public.key_id, size, root, new.public.to_text(), stamp, "")
        rotation = replace(unsigned, signature=old.sign(unsigned.statement()))
        retired = replace(self.periods[-1], until_size=size, rotation=rotation)
        return Keyring((*self.periods[:-1], retired, KeyPeriod(new.public, size)))

    def followed(self, announced: Keyring) -> Keyring:
        """This keyring, trusted, extended by each rotation ``announced`` makes from its current
        key, checked with the key it retires; any other key ``announced`` names is ignored."""
        trusted = list(self.periods)
        for period in announced.periods:
            rotation, current = period.rotation, trusted[-1]
            if rotation is None or period.public.key_id != current.public.key_id:
                continue
            if not current.public.verifies(rotation.statement(), rotation.signature):
                raise KeyringError(
                    f"the rotation retiring key {current.public.key_id} is not signed by it"
                )
            if rotation.size < current.from_size:
                raise KeyringError(
                    f"key {current.public.key_id} is said to retire at size {rotation.size}, "
                    f"before it took over (size {current.from_size})"
                )
            successor = _public(rotation.successor, "rotation.successor")
            trusted[-1] = replace(current, until_size=rotation.size, rotation=rotation)
            trusted.append(KeyPeriod(successor, rotation.size))
        return Keyring(tuple(trusted))

    def to_dict(self) -> dict[str, Any]:
        return {"keys": [period.to_dict() for period in self.periods]}

    @classmethod
    def from_dict(cls, data: Any) -> Keyring:
        """A keyring from its JSON (a file, or GET /journal/keys); KeyringError naming the field."""
        try:
            periods = tuple(_period(item) for item in data["keys"])
        except (KeyError, TypeError, AttributeError, HeadError) as error:
            raise KeyringError(f"not a keyring: {error}") from None
        if not periods or periods[-1].until_size is not None:
            raise KeyringError("keys: the last one is the current key (until_size null)")
        return cls(periods)


def _period(data: dict[str, Any]) -> KeyPeriod:
    public = _public(data["public_key"], "public_key")
    if data.get("key_id") not in (None, public.key_id):
        raise KeyringError(f"key_id {data['key_id']!r} is not the id of its public key")
    rotation = data.get("rotation")
    return KeyPeriod(
        public,
        _size(data["from_size"], "from_size"),
        None if data.get("until_size") is None else _size(data["until_size"], "until_size"),
        _rotation(rotation) if rotation else None,
    )


def _rotation(data: dict[str, Any]) -> Rotation:
    texts = {name: data[name] for name in ("retired", "root", "successor", "at", "signature")}
    if not all(isinstance(value, str) for value in texts.values()):
        raise KeyringError("rotation: retired, root, successor, at and signature are strings")
    return Rotation(size=_size(data["size"], "rotation.size"), **texts)


def _public(text: Any, name: str) -> PublicKey:
    try:
        return PublicKey.from_text(str(text))
    except ValueError as error:
        raise KeyringError(f"{name}: not an Ed25519 public key in base64 ({error})") from None


def _size(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise KeyringError(f"{name}: a whole number, 0 or more")
    return value
