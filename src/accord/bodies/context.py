"""The decision bodies: sessions, drafts, positions and decisions (Charter Art. 12), declared
once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.bodies import commands as cmd
    from accord.bodies import events, handlers, matters, model, released

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.BODIES,),
        classified=released.CLASSIFIED,
        requires=(matters.MATTERS,),
        roles={
            cmd.ConveneSession: frozenset({SECRETARIAT, ADMIN}),
            cmd.TableDraft: frozenset({SECRETARIAT, DELEGATION, ADMIN}),
            cmd.StatePosition: frozenset({DELEGATION, ADMIN}),
            cmd.CloseDraft: frozenset({SECRETARIAT, ADMIN}),
            cmd.JoinDecision: frozenset({DELEGATION, ADMIN}),
        },
        values=frozenset(
            {
                *("body", "extraordinary", "format", "kind", "position", "requested_by"),
                *("parties_to_dispute", "subject", "text", "un_mandate", "venue"),
            }
        ),
    )


def storage() -> Storage:
    from accord.bodies import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.bodies import routes

    return (routes.router,)


CONTEXT = Context("bodies", core, storage, routers)
