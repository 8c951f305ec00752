"""Every context Accord is made of, listed once: adding a context is one folder and one line.

The order is the order policies run in when two contexts listen to one event (a closed draft
moves its case before it changes the membership), the order of the API's routes and of the
CLI. Only the declarations are imported here: what they name is loaded when first asked, so
that the CLI lists its commands without loading any context's rules or storage.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from accord.accounts import context as accounts
from accord.audit import context as audit
from accord.bodies import context as bodies
from accord.cases import context as cases
from accord.exercises import context as exercises
from accord.forces import context as forces
from accord.membership import context as membership
from accord.monitoring import context as monitoring
from accord.operations import context as operations
from accord.partners import context as partners
from accord.service.contexts import Context, Storage
from accord.treaty import context as treaty

if TYPE_CHECKING:
    from sqlalchemy import MetaData

    from accord.rules.charter import Charter
    from accord.service.assembly import Assembly
    from accord.service.world import World

CONTEXTS: tuple[Context, ...] = (
    accounts.CONTEXT,
    treaty.CONTEXT,
    cases.CONTEXT,
    bodies.CONTEXT,
    membership.CONTEXT,
    partners.CONTEXT,
    forces.CONTEXT,
    monitoring.CONTEXT,
    exercises.CONTEXT,
    operations.CONTEXT,
    audit.CONTEXT,
)


@cache
def assembly() -> Assembly:
    from accord.service.assembly import assemble

    return assemble(CONTEXTS)


def empty_world(charter: Charter) -> World:
    """A world with every declared part empty, on ``charter``."""
    from accord.service.world import World

    return World.empty(charter, assembly().layout)


@cache
def storages() -> tuple[Storage, ...]:
    return tuple(context.storage() for context in CONTEXTS if context.storage is not None)


def metadata() -> MetaData:
    """The shared metadata with every context's tables on it (the migrations' target)."""
    from accord.adapters.schema import metadata as shared

    storages()
    return shared


def routers() -> list[Any]:
    return [router for context in CONTEXTS if context.routers for router in context.routers()]


def cli_parts() -> list[tuple[str, Any]]:
    """Every context's sub-apps and commands for the `accord` command, by name."""
    return [item for context in CONTEXTS if context.cli for item in context.cli().items()]
