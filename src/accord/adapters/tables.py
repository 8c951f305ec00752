"""Every context's tables on the shared metadata (imported here, once, on purpose)."""

from __future__ import annotations

import importlib

TABLE_MODULES = (
    "accord.journal.tables",
    "accord.cases.tables",
    "accord.bodies.tables",
    "accord.membership.tables",
    "accord.partners.tables",
    "accord.forces.tables",
    "accord.exercises.tables",
    "accord.operations.tables",
    "accord.identity.tables",
)


def register_all_tables() -> None:
    for module in TABLE_MODULES:
        importlib.import_module(module)
