"""Analysts add event files over the API: the body is the file, at most 256 MiB (413 past
it), refused whole when it is not of its format (422); each ingest is journaled with who
brought which file, under a name that is a plain file name (422 otherwise, naming it).

Also the event store every monitoring route reads, one connection per app.
"""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool

from accord.edge.commanding import send
from accord.edge.deps import AccordDep, IdempotencyKey, PrincipalDep
from accord.edge.problems import Problem, problem
from accord.edge.sending import deny
from accord.identity.permissions import may_send
from accord.monitoring.ingest.limits import MAX_NAME_CHARS, name_problem
from accord.monitoring.schemas import IngestOut
from accord.monitoring.uploads import UPLOAD, UploadTooLarge, save_upload
from accord.rules.bounds import Note

if TYPE_CHECKING:
    from accord.monitoring.model import IngestReport
    from accord.monitoring.store import EventStore

#: Included by the monitoring router, under its ``/monitor`` prefix.
router = APIRouter()
#: One DuckDB connection per app, used by one request at a time.
LOCK = threading.Lock()


def get_events(request: Request, accord: AccordDep) -> EventStore:
    # The event store's libraries (ibis, DuckDB, Arrow) load at the first request that reads
    # events, not when the app is built: `accord serve` answers /health first (issue 13).
    from accord.monitoring.ingesting import open_store

    with LOCK:
        if getattr(request.app.state, "events", None) is None:
            request.app.state.events = open_store(accord.settings.events_url)
        store: EventStore = request.app.state.events
    return store


Events = Annotated["EventStore", Depends(get_events)]


def _plain_name(name: str) -> str:
    problem = name_problem(name)
    if problem is not None:
        raise ValueError(problem)
    return name


FileName = Annotated[
    str,
    Query(max_length=MAX_NAME_CHARS, description="The file's name, for the record"),
    AfterValidator(_plain_name),
]
TOO_LARGE: dict[int | str, dict[str, Any]] = {
    413: {"model": Problem, "description": "The file is larger than the cap (256 MiB)"}
}


@router.post(
    "/ingest",
    status_code=201,
    response_model=IngestOut,
    openapi_extra=UPLOAD,
    responses=TOO_LARGE,
)
async def ingest(
    request: Request,
    accord: AccordDep,
    principal: PrincipalDep,
    store: Events,
    format: Annotated[
        str,
        Query(pattern="^(acled|gdelt|ucdp)$", description="The file's layout", examples=["acled"]),
    ],
    name: FileName = "upload",
    note: Annotated[Note | None, Query(description="The note that goes with the file")] = None,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Add an event file (the request body, as exported, at most 256 MiB); every bad row is
    reported with its line and reason, and the ingest is journaled. The same file twice adds
    nothing; a file that is not of its format, or has no valid row, adds nothing (422)."""
    from accord.monitoring.ingesting import ingest_record, report_dict

    if not may_send(principal, accord.bus.assembly.roles_for("record_event_file")):
        deny(accord, principal, "record_event_file")
        return problem(403, f"a {principal.role} user may not ingest event files")
    with tempfile.TemporaryDirectory(prefix="accord-ingest-") as folder:
        path = Path(folder) / "upload"  # never the client's name, checked or not
        try:
            digest = await save_upload(
                request.stream(), path, request.headers.get("content-length")
            )
        except UploadTooLarge as error:
            return problem(413, str(error))
        report = await run_in_threadpool(_ingest_in_turn, store, path, format)
    report.file = name
    answer = await send(
        accord, principal, ingest_record(report, name, digest, note), None, idempotency_key
    )
    if answer.status_code != 201:
        return answer
    recorded = json.loads(answer.body)
    return JSONResponse(status_code=201, content={**recorded, **report_dict(report)})


def _ingest_in_turn(store: EventStore, path: Path, format: str) -> IngestReport:
    from accord.monitoring.ingesting import ingest_file

    # Taken in the worker thread: holding it across an await would block the event loop.
    with LOCK:
        return ingest_file(store, path, format)
