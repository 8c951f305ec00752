"""The journal: every write, who, when and under which article, hash-chained and signed."""

from __future__ import annotations

from typing import Any

from accord.service.contexts import Context, Storage


def storage() -> Storage:
    from accord.journal import tables

    return Storage(tables)


def routers() -> tuple[Any, ...]:
    from accord.audit import routes

    return (routes.router,)


def cli() -> dict[str, Any]:
    from accord.audit.cli import journal_app

    return {"journal": journal_app}


CONTEXT = Context("audit", storage=storage, routers=routers, cli=cli)
