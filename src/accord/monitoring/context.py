"""Monitoring and early warning: event files ingested, indicators and alerts that recommend
consultations, declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, ANALYST
from accord.service.contexts import Context, Core, events_in


def core() -> Core:
    from accord.monitoring import commands as cmd
    from accord.monitoring import events, handlers, model

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.INGESTS,),
        # An event file is a file on the server: a scenario's monitoring is its own.
        in_scenarios=False,
        roles={
            cmd.RecordEventFile: frozenset({ANALYST, ADMIN}),
        },
        values=frozenset({"bad_rows", "file", "format", "rows_added", "rows_read", "sha256"}),
    )


def routers() -> tuple[Any, ...]:
    from accord.monitoring import routes

    return (routes.router,)


def cli() -> dict[str, Any]:
    from accord.monitoring.cli import monitor_app

    return {"monitor": monitor_app}


CONTEXT = Context("monitoring", core, None, routers, cli)
