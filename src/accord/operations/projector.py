"""Operation stages and results in the database, written again whenever an event touches them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from accord.adapters.documents import replace_rows, to_document
from accord.kernel.messages import Event
from accord.operations import events as ev
from accord.operations.model import OPERATION_STAGES
from accord.operations.tables import operation_results, operation_stages
from accord.service.world import World


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    stages = world[OPERATION_STAGES]
    stage_ids = {e.stage_id for e in events if isinstance(e, ev.OperationStageRecorded)}
    results = {(e.stage_id, e.state) for e in events if isinstance(e, ev.OperationResultsRecorded)}
    replace_rows(
        connection,
        operation_stages,
        [
            {
                "id": s.id,
                "operation": s.operation,
                "year": s.year,
                "starts_on": s.start,
                "ends_on": s.end,
                "document": to_document(s),
            }
            for s in (stages[i] for i in sorted(stage_ids))
        ],
    )
    rows = []
    for stage_id, state in sorted(results):
        stage, result = stages[stage_id], stages[stage_id].results[state]
        rows.append(
            {
                "id": f"{stage_id}/{state}",
                "stage_id": stage_id,
                "operation": stage.operation,
                "year": stage.year,
                "state": state,
                "detentions": result.detentions,
                "resources_blocked": result.resources_blocked,
                "document": to_document(result),
            }
        )
    replace_rows(connection, operation_results, rows)
