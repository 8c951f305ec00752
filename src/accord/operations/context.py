"""Standing operations (drugs, illegal migration, mercenaries, IT crime): their stages and
results, declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, JOINT_STAFF, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.operations import commands as cmd
    from accord.operations import events, handlers, model

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.OPERATION_STAGES,),
        roles={
            cmd.RecordOperationStage: frozenset({SECRETARIAT, JOINT_STAFF, ADMIN}),
            cmd.RecordOperationResults: frozenset({DELEGATION, SECRETARIAT, ADMIN}),
        },
        open_records=frozenset({"operation", "stage"}),
        values=frozenset(
            {
                *("detentions", "end", "name", "observers", "participants", "resources_blocked"),
                *("seizures", "start", "state"),
            }
        ),
    )


def storage() -> Storage:
    from accord.operations import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.operations import routes

    return (routes.router,)


def cli() -> dict[str, Any]:
    from accord.operations.cli import operations_app

    return {"operations": operations_app}


CONTEXT = Context("operations", core, storage, routers, cli)
