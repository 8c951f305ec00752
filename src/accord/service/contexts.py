"""How a context declares itself, once: what it handles, what it keeps, how it is served.

Each context's ``context.py`` holds one :class:`Context`; the composition root
(``accord.contexts``) lists them, and the bus, the world, the unit of work, the permissions,
the scenarios, the API and the CLI are all assembled from that list: adding a context is one
folder and one line. A declaration names its parts as functions that import them when first
asked, so that `accord --help` loads no context's rules, storage or web framework.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from accord.kernel.messages import Command, Event

if TYPE_CHECKING:
    from accord.rules.charter import Charter

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True, eq=False)
class Part(Generic[T]):
    """One part of the world a context keeps (``world[CASES]``): its empty state, and the state
    after an event (None: the event is not about this part)."""

    name: str
    empty: Callable[[], T]
    apply: Callable[[T, Event], T | None]
    #: The charter as this part changes it (the membership roll lays accessions over it).
    over: Callable[[T, Charter], Charter] | None = None


@dataclass(frozen=True, eq=False)
class Port(Generic[T]):
    """What one context asks of another without importing it: declared by the context that
    asks (bodies: the matter a session is about), provided by the one that answers (cases),
    read as ``world.port(MATTERS)``. The layers contract keeps the asking one below."""

    name: str


class PartKey(Protocol[T_co]):
    """What reading a part needs of it (``world[CASES]``): read-only, so a part of
    ``dict[str, Case]`` reads where a ``Mapping[str, Any]`` is wanted."""

    @property
    def name(self) -> str: ...
    @property
    def empty(self) -> Callable[[], T_co]: ...


@dataclass(frozen=True)
class Core:
    """What a context decides: its commands (each with its handler and the roles that may send
    it), the policies its events set off, and the parts of the world it keeps."""

    handlers: Mapping[Any, Any]
    roles: Mapping[type[Command], frozenset[str]]
    events: tuple[type[Event], ...]
    parts: tuple[Part[Any], ...] = ()
    policies: Mapping[Any, Sequence[Any]] = field(default_factory=dict)
    #: The command fields that name one of its classified records, and the record's kind
    #: (``accord.edge.releases.Kind``): the edge finds it, released or not, before any handler.
    classified: Mapping[str, Any] = field(default_factory=dict)
    #: The other fields of its commands: those naming records every caller may read (their GET
    #: routes check no release), and those holding values, not record ids. A field in none of
    #: these nor in a context's ``classified`` fails tests/unit/test_releases.py: a new
    #: reference to a record cannot slip past the edge.
    open_records: frozenset[str] = frozenset()
    values: frozenset[str] = frozenset()
    #: What it answers for contexts below it, through the ports they declare.
    provides: Mapping[Port[Any], Any] = field(default_factory=dict)
    #: The ports it asks through: Accord does not start unless some context provides each.
    requires: tuple[Port[Any], ...] = ()
    #: Whether scenarios may send its commands as steps (``do: file_request``).
    in_scenarios: bool = True


@dataclass(frozen=True)
class Storage:
    """Where a context keeps its rows: the tables (declared on the shared metadata as their
    module is imported) and the projector that writes them in the command's transaction."""

    tables: ModuleType
    project: Callable[..., None] | None = None


@dataclass(frozen=True)
class Context:
    """A context, declared once. Every part is optional: the journal has no commands, the
    treaty no storage of its own."""

    name: str
    core: Callable[[], Core] | None = None
    storage: Callable[[], Storage] | None = None
    #: Its API routers (FastAPI ``APIRouter``), in the order they are mounted.
    routers: Callable[[], Sequence[Any]] | None = None
    #: Its CLI: the Typer sub-apps by name, and single commands (``accord members``) by name.
    cli: Callable[[], Mapping[str, Any]] | None = None


def events_in(module: ModuleType) -> tuple[type[Event], ...]:
    """Every event a context's events module defines."""
    return tuple(
        found
        for found in vars(module).values()
        if isinstance(found, type)
        and issubclass(found, Event)
        and found.__module__ == module.__name__
    )
