"""The monitoring API: ingests, indicators, alerts (with CAP 1.2 and STIX 2.1 exports).

The staff see every member; a delegation sees its own state; other callers see nothing.
Analysts add event files; each ingest is journaled with who brought which file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from accord.entrypoints.commanding import send_blocking
from accord.entrypoints.deps import AccordDep, IdempotencyKey, PrincipalDep
from accord.entrypoints.problems import PROBLEMS, problem
from accord.entrypoints.sending import deny
from accord.identity.permissions import DELEGATION, STAFF, may_send
from accord.monitoring.exports import cap_message, stix_bundle
from accord.monitoring.model import IngestReport
from accord.monitoring.reference import iso3_to_iso2
from accord.monitoring.schemas import AlertOut, IndicatorOut, IngestOut
from accord.monitoring.store import EventStore
from accord.monitoring.views import (
    Watch,
    indicator_dict,
    ingest_file,
    ingest_record,
    member_indicators,
    open_store,
    report_dict,
    watch,
)
from accord.service.runtime import Accord

router = APIRouter(prefix="/monitor", tags=["monitoring"], responses=PROBLEMS)
#: One DuckDB connection per app, used by one request at a time.
_LOCK = threading.Lock()
From = Annotated[
    dt.date | None, Query(alias="from", description="First day (default: 12 weeks back)")
]
To = Annotated[dt.date | None, Query(alias="to", description="Last day (default: today)")]
#: The largest upload: a month of full GDELT days is well below it.
MAX_UPLOAD = 1 << 30
#: An ACLED export's header: a file with no events yet, the smallest one the readers accept.
_EXAMPLE = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp\n"
)
_FILE = {"schema": {"type": "string", "format": "binary"}, "example": _EXAMPLE}
UPLOAD = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": _FILE,
            "text/tab-separated-values": _FILE,
            "application/octet-stream": _FILE,
        },
    }
}


def get_events(request: Request, accord: AccordDep) -> EventStore:
    with _LOCK:
        if getattr(request.app.state, "events", None) is None:
            request.app.state.events = open_store(accord.settings.events_url)
        store: EventStore = request.app.state.events
    return store


Events = Annotated[EventStore, Depends(get_events)]


def _period(accord: Accord, first: dt.date | None, last: dt.date | None) -> tuple[dt.date, dt.date]:
    end = last or accord.now().date()
    start = first or end - dt.timedelta(weeks=12)
    if start > end:
        raise HTTPException(422, f"from: {start} is after to: {end}")
    return start, end


def watched_states(accord: AccordDep, principal: PrincipalDep) -> list[str] | None:
    """None for the staff (every member); a delegation's own state; otherwise 403, journaled."""
    role = str(principal.role)
    if role in STAFF:
        return None
    if role == DELEGATION and principal.state:
        return [principal.state]
    deny(accord, principal, "read monitoring")
    raise HTTPException(403, f"a {role} user may not read monitoring")


Watched = Annotated[list[str] | None, Depends(watched_states)]


def _watch(
    accord: Accord, store: EventStore, states: list[str] | None, first: dt.date, last: dt.date
) -> Watch:
    with _LOCK:
        return watch(store, accord.world.charter(), first, last, states)


@router.get("/indicators", response_model=list[IndicatorOut])
def read_indicators(
    accord: AccordDep,
    store: Events,
    states: Watched,
    member: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", examples=["TJK"])],
    first: From = None,
    last: To = None,
) -> Any:
    """Weekly events, fatalities and intensity per category, beside their baseline."""
    member = member.upper()
    if states is not None and member not in states:
        raise HTTPException(404, f"no indicators of {member} are released to the caller")
    start, end = _period(accord, first, last)
    with _LOCK:
        series = member_indicators(store, [member], start, end)
    return [indicator_dict(point) for point in series]


@router.get("/alerts", response_model=list[AlertOut])
def read_alerts(
    accord: AccordDep, store: Events, states: Watched, first: From = None, last: To = None
) -> Any:
    """Weeks far above their baseline, each with its reason, a recommendation to people and
    a draft request the Crisis Response Centre may prepare for the member."""
    start, end = _period(accord, first, last)
    return _watch(accord, store, states, start, end).as_dicts()


@router.get(
    "/alerts/{alert_id}/cap",
    response_class=Response,
    responses={200: {"content": {"application/cap+xml": {}}}},
)
def read_alert_as_cap(
    alert_id: str,
    accord: AccordDep,
    store: Events,
    states: Watched,
    first: From = None,
    last: To = None,
) -> Response:
    """One alert as an OASIS CAP 1.2 message (scope Restricted)."""
    start, end = _period(accord, first, last)
    found = _watch(accord, store, states, start, end)
    alert = found.find(alert_id)
    if alert is None:
        raise HTTPException(404, f"alert {alert_id!r} is not among the alerts of {start}–{end}")
    name = found.names.get(alert.indicator.country, alert.indicator.country)
    return Response(cap_message(alert, name, accord.now()), media_type="application/cap+xml")


@router.get("/alerts.stix", responses={200: {"content": {"application/stix+json": {}}}})
def read_alerts_as_stix(
    accord: AccordDep, store: Events, states: Watched, first: From = None, last: To = None
) -> Response:
    """The period's alerts as a STIX 2.1 bundle: a report per alert, a location per country."""
    start, end = _period(accord, first, last)
    found = _watch(accord, store, states, start, end)
    bundle = stix_bundle(found.alerts, found.names, iso3_to_iso2(), accord.now())
    return Response(bundle.serialize(), media_type="application/stix+json;version=2.1")


@router.post("/ingest", status_code=201, response_model=IngestOut, openapi_extra=UPLOAD)
async def ingest(
    request: Request,
    accord: AccordDep,
    principal: PrincipalDep,
    store: Events,
    format: Annotated[
        str,
        Query(pattern="^(acled|gdelt|ucdp)$", description="The file's layout", examples=["acled"]),
    ],
    name: Annotated[str, Query(max_length=200, description="The file's name, for the record")] = (
        "upload"
    ),
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Add an event file (the request body, as exported); every bad row is reported with its
    line and reason, and the ingest is journaled. The same file twice adds nothing."""
    if not may_send(principal, "record_event_file"):
        deny(accord, principal, "record_event_file")
        return problem(403, f"a {principal.role} user may not ingest event files")
    with tempfile.TemporaryDirectory(prefix="accord-ingest-") as folder:
        # Not the client's name: '', '.' or '..' would name the folder itself (a 500).
        path = Path(folder) / "upload"
        digest = await _save(request, path)
        report = await run_in_threadpool(_ingest_in_turn, store, path, format)
    report.file = name
    answer = send_blocking(
        accord, principal, ingest_record(report, name, digest), None, idempotency_key
    )
    if answer.status_code != 201:
        return answer
    recorded = json.loads(answer.body)
    return JSONResponse(status_code=201, content={**recorded, **report_dict(report)})


def _ingest_in_turn(store: EventStore, path: Path, format: str) -> IngestReport:
    # Taken in the worker thread: holding it across an await would block the event loop.
    with _LOCK:
        return ingest_file(store, path, format)


async def _save(request: Request, path: Path) -> str:
    digest, size = hashlib.sha256(), 0
    with path.open("wb") as sink:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_UPLOAD:
                raise HTTPException(413, f"the file is larger than {MAX_UPLOAD} bytes")
            digest.update(chunk)
            sink.write(chunk)
    return digest.hexdigest()
