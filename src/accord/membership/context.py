"""Membership: accession, observers and partners, withdrawal, suspension and frozen participation
(Charter Art. 19-21), declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.membership import commands as cmd
    from accord.membership import events, handlers, model

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        policies=handlers.POLICIES,
        events=events_in(events),
        parts=(model.MEMBERSHIP,),
        roles={
            cmd.ApplyForMembership: frozenset({DELEGATION, ADMIN}),
            cmd.NotifyWithdrawal: frozenset({DELEGATION, ADMIN}),
            cmd.DeclareParticipationFrozen: frozenset({DELEGATION, ADMIN}),
            cmd.RequestSuspension: frozenset({DELEGATION, ADMIN}),
            cmd.GrantStatus: frozenset({SECRETARIAT, ADMIN}),
        },
        values=frozenset({"state", "status"}),
    )


def storage() -> Storage:
    from accord.membership import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.membership import routes

    return (routes.router,)


CONTEXT = Context("membership", core, storage, routers)
