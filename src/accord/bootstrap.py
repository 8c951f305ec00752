"""Composition root: settings -> charter -> world, unit of work, handlers and the bus."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from accord.bodies import handlers as bodies
from accord.cases import handlers as cases
from accord.config import Settings
from accord.forces import handlers as forces
from accord.journal.store import Journal
from accord.membership import handlers as membership
from accord.partners import handlers as partners
from accord.rules.charter import Charter
from accord.rules.loading import bundled_charter_path, load_charter
from accord.service.bus import MessageBus
from accord.service.unit_of_work import InMemoryUnitOfWork, UnitOfWork
from accord.service.world import World

CONTEXTS: tuple[Any, ...] = (cases, bodies, membership, partners, forces)


def charter_folder(name_or_path: str) -> Path:
    """A bundled charter by name (``csto``, ``nato``), or any charter folder by path."""
    bundled = bundled_charter_path(name_or_path)
    return bundled if bundled.is_dir() else Path(name_or_path)


@cache
def _load(folder: Path) -> Charter:
    return load_charter(folder)


def configured_charter(settings: Settings, override: str | None = None) -> Charter:
    """The charter named on the command line, else the one in the settings (loaded once)."""
    return _load(charter_folder(override or settings.charter).resolve())


def build_bus(uow: UnitOfWork) -> MessageBus:
    """Every context's command handlers and policies on one bus."""
    handlers: dict[Any, Any] = {}
    policies: dict[Any, list[Any]] = {}
    for context in CONTEXTS:
        handlers.update(context.COMMAND_HANDLERS)
        for event_type, listeners in getattr(context, "POLICIES", {}).items():
            policies.setdefault(event_type, []).extend(listeners)
    return MessageBus(uow, handlers, policies)


def in_memory_bus(charter: Charter, journal: Journal | None = None) -> MessageBus:
    """A fresh Accord in memory on ``charter``: the scenario runner's and the tests' bus."""
    return build_bus(InMemoryUnitOfWork(World(charter), journal))
