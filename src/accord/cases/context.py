"""Cases: a member's request, from filing to closure (CST Art. 2 and 4), declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, ANALYST, DELEGATION, JOINT_STAFF, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.bodies.matters import MATTERS
    from accord.cases import answers, changes, events, handlers, released
    from accord.cases import commands as cmd
    from accord.forces.missions import MISSIONS

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        policies=handlers.POLICIES,
        events=events_in(events),
        parts=(changes.CASES, changes.PREPARED_REQUESTS),
        classified=released.CLASSIFIED,
        provides={MATTERS: answers.AS_MATTERS, MISSIONS: answers.AS_MISSIONS},
        roles={
            cmd.FileRequest: frozenset({DELEGATION, ADMIN}),
            cmd.PrepareRequest: frozenset({ANALYST, ADMIN}),
            cmd.WithdrawRequest: frozenset({DELEGATION, ADMIN}),
            cmd.NotifyUnSecurityCouncil: frozenset({SECRETARIAT, DELEGATION, ADMIN}),
            cmd.Deploy: frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
            cmd.WithdrawForces: frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
            cmd.CloseCase: frozenset({SECRETARIAT, DELEGATION, ADMIN}),
        },
        open_records=frozenset({"units"}),
        values=frozenset(
            {
                *("aggressor", "article", "classification", "contingents", "for_state"),
                *("formation", "grounds", "releasable_to", "summary", "threat", "threatened"),
                *("where",),
            }
        ),
    )


def storage() -> Storage:
    from accord.cases import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.cases import routes

    return routes.router, routes.prepared_router


CONTEXT = Context("cases", core, storage, routers)
