"""Sessions and drafts in the database, written again whenever an event touches them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.bodies import events as ev
from accord.bodies.model import BODIES
from accord.bodies.tables import drafts, sessions
from accord.kernel.messages import Event
from accord.service.world import World


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    session_ids = {e.session_id for e in events if isinstance(e, ev.SessionConvened)}
    draft_ids = set()
    for event in events:
        if isinstance(event, ev.DraftTabled):
            session_ids.add(event.session_id)
            draft_ids.add(event.draft_id)
        elif isinstance(event, ev.PositionStated | ev.DraftClosed | ev.DecisionJoined):
            draft_ids.add(event.draft_id)
    sittings = world[BODIES]
    replace_rows(
        connection,
        sessions,
        [
            {
                "id": s.id,
                "body": s.body,
                "extraordinary": s.extraordinary,
                "case_id": s.case_id,
                "document": to_document(s),
            }
            for s in (sittings.sessions[i] for i in sorted(session_ids))
        ],
    )
    replace_rows(
        connection,
        drafts,
        [
            {
                "id": d.id,
                "session_id": d.session_id,
                "kind": d.kind,
                "case_id": d.case_id,
                "outcome": d.outcome,
                "document": to_document(d),
            }
            for d in (sittings.drafts[i] for i in sorted(draft_ids))
        ],
    )
