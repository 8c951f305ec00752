"""One snapshot file: a signed header, then the read model it vouches for.

    ACCORD-SNAPSHOT 1
    {"charter": …, "code": …, "hash": …, "key": …, "payload_bytes": …, "payload_sha256": …,
     "seq": …, "written_at": …}
    <the server key's Ed25519 signature of the two lines above, in hex>
    <the payload: the world without its charter, pickled>

Pickle runs whatever a file tells it to, so nothing is unpickled before the signature, the
binding (charter and code), the journal entry at ``seq`` and the payload's digest have been
checked (``read_header`` then ``open_world``). Even then the unpickler names nothing but
Accord's own classes, dates and builtin containers: defence in depth behind the signature.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import json
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import IO, Any

from accord.journal.signing import PublicKey, SigningKey
from accord.service.world import World
from accord.snapshots.binding import Binding

MAGIC = b"ACCORD-SNAPSHOT 1\n"
_LONGEST_LINE = 4096


class SnapshotRejected(Exception):
    """This snapshot cannot be used; the message says why (it is logged, never raised further)."""


@dataclass(frozen=True)
class Header:
    seq: int
    hash: str
    payload_sha256: str
    payload_bytes: int
    charter: str
    code: str
    key: str
    written_at: str

    def line(self) -> bytes:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode()


def seal(world: World, seq: int, entry_hash: str, binding: Binding, key: SigningKey) -> bytes:
    """The whole file for ``world``, built from the journal up to entry ``seq``."""
    payload = pickle.dumps(_state(world), protocol=pickle.HIGHEST_PROTOCOL)
    header = Header(
        seq=seq,
        hash=entry_hash,
        payload_sha256=hashlib.sha256(payload).hexdigest(),
        payload_bytes=len(payload),
        charter=binding.charter,
        code=binding.code,
        key=key.public.key_id,
        written_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )
    signed = MAGIC + header.line() + b"\n"
    return signed + key.sign(signed).encode() + b"\n" + payload


def read_header(stream: IO[bytes], public: PublicKey, binding: Binding) -> Header:
    """The header, once its signature and binding hold; the stream is left at the payload."""
    if stream.read(len(MAGIC)) != MAGIC:
        raise SnapshotRejected("not a snapshot file")
    line = stream.readline(_LONGEST_LINE)
    signature = stream.readline(_LONGEST_LINE).strip().decode("ascii", "replace")
    if not public.verifies(MAGIC + line, signature):
        raise SnapshotRejected(f"its signature does not verify with key {public.key_id}")
    header = Header(**json.loads(line))
    if header.charter != binding.charter:
        raise SnapshotRejected("it was built on another charter (its content digest differs)")
    if header.code != binding.code:
        raise SnapshotRejected("it was built by another version of Accord")
    return header


def open_world(stream: IO[bytes], header: Header, empty: World) -> World:
    """The world the payload holds, on the charter and parts of ``empty``, once the payload
    matches its header."""
    payload = stream.read(header.payload_bytes + 1)
    if len(payload) != header.payload_bytes:
        raise SnapshotRejected(f"its payload is {len(payload)} bytes, not {header.payload_bytes}")
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        raise SnapshotRejected("its payload does not match its signed digest")
    with _collector_paused():
        state = _AccordOnly(io.BytesIO(payload)).load()
    kept, declared = set(state["state"]), set(empty.state)
    if kept != declared:
        raise SnapshotRejected(f"it keeps the parts {sorted(kept)}, not {sorted(declared)}")
    return replace(empty, state=MappingProxyType(state["state"]), version=state["version"])


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling creates a whole read model's objects at once, and each few hundred of them
    would set off the cycle collector over all those made so far: three times the work at
    100k entries. Nothing cyclic is made here, so it rests meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _state(world: World) -> dict[str, Any]:
    """Every part of the world but the charter (the binding names it; loading gives the one
    running) and the layout (the running code declares it)."""
    return {"state": dict(world.state), "version": world.version}


_DATES = {"date", "datetime", "time", "timedelta", "timezone"}
_BUILTINS = {"set", "frozenset", "complex", "bytearray", "slice", "range"}


class _AccordOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        # The module is checked before it is imported: importing is already running code.
        if module == "datetime" and name in _DATES:
            return super().find_class(module, name)
        if module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        if module.split(".")[0] == "accord":
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise SnapshotRejected(f"its payload names {module}.{name}, which a world never holds")
