"""Pledged units in the database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.forces import events as ev
from accord.forces.model import UNITS
from accord.forces.tables import units
from accord.kernel.messages import Event
from accord.service.world import World

UNIT_EVENTS = (ev.UnitPledged, ev.PledgeChanged, ev.PledgeWithdrawn, ev.UnitVisited)


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    touched = sorted({e.unit_id for e in events if isinstance(e, UNIT_EVENTS)})
    replace_rows(
        connection,
        units,
        [
            {
                "id": u.id,
                "state": u.state,
                "formation": u.formation,
                "strength": u.strength,
                "readiness_level": u.readiness_level,
                "pledged": u.pledged,
                "document": to_document(u),
            }
            for u in (world[UNITS][i] for i in touched)
        ],
    )
