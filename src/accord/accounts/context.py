"""Identity: users, their roles and API tokens, signing in; who may send what is declared by
each context beside its commands."""

from __future__ import annotations

from typing import Any

from accord.service.contexts import Context, Storage


def storage() -> Storage:
    from accord.identity import tables

    return Storage(tables)


def routers() -> tuple[Any, ...]:
    from accord.accounts import routes

    return (routes.router,)


def cli() -> dict[str, Any]:
    from accord.accounts.cli import users_app

    return {"users": users_app}


CONTEXT = Context("accounts", storage=storage, routers=routers, cli=cli)
