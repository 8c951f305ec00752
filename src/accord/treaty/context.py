"""The treaty as the charter data says it: articles, bodies, members and chairs, read only."""

from __future__ import annotations

from typing import Any

from accord.service.contexts import Context


def routers() -> tuple[Any, ...]:
    from accord.treaty import routes

    return (routes.router,)


def cli() -> dict[str, Any]:
    from accord.treaty import cli

    return {"treaty": cli.treaty_app, "members": cli.members, "chair": cli.chair}


CONTEXT = Context("treaty", routers=routers, cli=cli)
