"""Signatures and ratifications in the database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows
from accord.kernel.messages import Event
from accord.partners import events as ev
from accord.partners.tables import instrument_parties
from accord.service.world import World


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    touched = {
        (e.instrument, e.state)
        for e in events
        if isinstance(e, ev.InstrumentSigned | ev.InstrumentRatified)
    }
    rows = []
    for instrument, state in sorted(touched):
        record = world.instruments[instrument]
        rows.append(
            {
                "id": f"{instrument}/{state}",
                "instrument": instrument,
                "state": state,
                "signed_on": record.signed.get(state),
                "ratified_on": record.ratified.get(state),
            }
        )
    replace_rows(connection, instrument_parties, rows)
