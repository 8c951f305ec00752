"""Cases in the database: each case an event touched is written again, in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.cases import events as ev
from accord.cases.changes import CASES
from accord.cases.tables import cases
from accord.kernel.messages import Event
from accord.service.world import World

_CASE_EVENTS = tuple(
    cls
    for cls in vars(ev).values()
    if isinstance(cls, type) and issubclass(cls, Event) and cls is not Event
)


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    # Prepared requests live in the journal and the read model; a case row starts at filing.
    touched = {
        getattr(e, "case_id")  # noqa: B009
        for e in events
        if isinstance(e, _CASE_EVENTS) and not isinstance(e, ev.RequestPrepared)
    }
    replace_rows(
        connection,
        cases,
        [
            {
                "id": case.id,
                "requested_by": case.requested_by,
                "article": case.article,
                "where_state": case.where,
                "stage": str(case.stage),
                "classification": case.classification,
                "summary": case.summary,
                "document": to_document(case),
            }
            for case in (world[CASES][case_id] for case_id in sorted(touched))
        ],
    )
