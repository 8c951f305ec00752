"""Instruments, their parties' acts and status applications in the database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.kernel.messages import Event
from accord.partners import events as ev
from accord.partners.applications import STATUS_APPLICATIONS
from accord.partners.model import INSTRUMENTS
from accord.partners.tables import instrument_parties, recorded_instruments, status_applications
from accord.service.world import World

_ACTS = ev.InstrumentSigned | ev.InstrumentRatified | ev.InstrumentAcceded
_APPLICATIONS = (
    ev.StatusApplied
    | ev.StatusConsentGiven
    | ev.StatusApplicationRefused
    | ev.StatusApplicationGranted
)


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    _project_acts(connection, world, events)
    recorded = sorted({e.instrument for e in events if isinstance(e, ev.InstrumentRecorded)})
    replace_rows(
        connection,
        recorded_instruments,
        [
            {"id": i, "kind": terms.kind, "document": to_document(terms)}
            for i in recorded
            if (terms := world[INSTRUMENTS][i].terms) is not None
        ],
    )
    touched = sorted({e.application_id for e in events if isinstance(e, _APPLICATIONS)})
    replace_rows(
        connection,
        status_applications,
        [
            {
                "id": a.id,
                "applicant": a.applicant,
                "status": a.status,
                "outcome": a.outcome,
                "document": to_document(a),
            }
            for a in (world[STATUS_APPLICATIONS][i] for i in touched)
        ],
    )


def _project_acts(connection: Connection, world: World, events: Sequence[Event]) -> None:
    touched = sorted({(e.instrument, e.state) for e in events if isinstance(e, _ACTS)})
    rows = []
    for instrument, party in touched:
        record = world[INSTRUMENTS][instrument]
        rows.append(
            {
                "id": f"{instrument}/{party}",
                "instrument": instrument,
                "state": party,
                "signed_on": record.signed.get(party),
                "ratified_on": record.ratified.get(party),
                "acceded_on": record.acceded.get(party),
            }
        )
    replace_rows(connection, instrument_parties, rows)
