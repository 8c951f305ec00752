"""Forces and means: pledged units, their readiness and verification, and what a mission needs,
declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, JOINT_STAFF
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.forces import commands as cmd
    from accord.forces import events, handlers, missions, model

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.UNITS, model.REQUIREMENTS),
        requires=(missions.MISSIONS, missions.TRAINING),
        roles={
            cmd.PledgeUnit: frozenset({DELEGATION, ADMIN}),
            cmd.ChangePledge: frozenset({DELEGATION, ADMIN}),
            cmd.WithdrawPledge: frozenset({DELEGATION, ADMIN}),
            cmd.RecordVerificationVisit: frozenset({JOINT_STAFF, ADMIN}),
            cmd.StateRequirements: frozenset({JOINT_STAFF, ADMIN}),
        },
        open_records=frozenset({"unit"}),
        values=frozenset(
            {
                *("available_from", "available_until", "capabilities", "caveats", "findings"),
                *("formation", "kind", "level", "parties_to_dispute", "readiness_days", "reason"),
                *("requirements", "strength", "visited_on"),
            }
        ),
    )


def storage() -> Storage:
    from accord.forces import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.forces import routes

    return routes.router, routes.case_router


def cli() -> dict[str, Any]:
    from accord.forces.cli import forces_app

    return {"forces": forces_app}


CONTEXT = Context("forces", core, storage, routers, cli)
