"""Partners and instruments: agreements, their signatures and ratifications, and the status of
partners and observers, declared once."""

from __future__ import annotations

from typing import Any

from accord.identity.permissions import ADMIN, DELEGATION, SECRETARIAT
from accord.service.contexts import Context, Core, Storage, events_in


def core() -> Core:
    from accord.partners import applications, events, handlers, model
    from accord.partners import commands as cmd

    return Core(
        handlers=handlers.COMMAND_HANDLERS,
        events=events_in(events),
        parts=(model.INSTRUMENTS, applications.STATUS_APPLICATIONS),
        roles={
            # The Secretariat records instruments and, as depositary, an organization's own acts.
            cmd.RecordInstrument: frozenset({SECRETARIAT, ADMIN}),
            cmd.SignInstrument: frozenset({DELEGATION, SECRETARIAT, ADMIN}),
            cmd.Ratify: frozenset({DELEGATION, SECRETARIAT, ADMIN}),
            cmd.Accede: frozenset({DELEGATION, ADMIN}),
            # A state applies through its delegation; the Secretariat records an organization's
            # letter.
            cmd.ApplyForStatus: frozenset({DELEGATION, SECRETARIAT, ADMIN}),
            cmd.ConsentToStatus: frozenset({DELEGATION, ADMIN}),
        },
        open_records=frozenset({"application", "instrument"}),
        values=frozenset(
            {
                *("applicant", "areas", "consent", "depositary", "entry_into_force", "kind"),
                *("meets", "open_to_accession", "parties", "party", "status", "threshold"),
                *("title",),
            }
        ),
    )


def storage() -> Storage:
    from accord.partners import projector, tables

    return Storage(tables, projector.project)


def routers() -> tuple[Any, ...]:
    from accord.partners import routes

    return routes.router, routes.partners_router


def cli() -> dict[str, Any]:
    from accord.partners.cli import partners_app

    return {"partners": partners_app}


CONTEXT = Context("partners", core, storage, routers, cli)
