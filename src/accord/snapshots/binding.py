"""What a read-model snapshot depends on besides the journal: the charter it was built on and
the code that built it. Either changed (a charter edited, Accord upgraded), the snapshot no
longer says what a replay would give, and it is discarded."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import accord
from accord.rules.charter import Charter


@dataclass(frozen=True)
class Binding:
    #: SHA-256 of the charter's content as loaded (every instrument, article, body, value).
    charter: str
    #: SHA-256 of Accord's version, the Python version and every Python source of the package.
    code: str


def binding_for(charter: Charter) -> Binding:
    return Binding(charter_digest(charter), code_version())


def charter_digest(charter: Charter) -> str:
    # The repr of frozen dataclasses, tuples and dicts filled in file order: the same files
    # give the same text, and any changed value, date or source changes it.
    return hashlib.sha256(repr(charter).encode()).hexdigest()


@cache
def code_version() -> str:
    """Any change to the code (the models a snapshot pickles, the way events apply, the
    migrations) counts as an upgrade: conservative, and cheap (about 10 ms, once)."""
    digest = hashlib.sha256(f"accord {accord.__version__}; python {sys.version}".encode())
    for name, source in sorted(_python_sources(resources.files("accord"), "")):
        digest.update(name.encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


def _python_sources(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _python_sources(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".py"):
            yield f"{prefix}{entry.name}", entry
