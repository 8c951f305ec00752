"""The monitoring API: indicators and alerts (with CAP 1.2 and STIX 2.1 exports), and the
ingests of :mod:`accord.monitoring.ingest_routes`.

The staff see every member; a delegation sees its own state; other callers see nothing.
Periods are bounded (``period``) and the lists paged (``pages``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator

from accord.edge.deps import AccordDep, PrincipalDep
from accord.edge.problems import PROBLEMS
from accord.edge.sending import deny
from accord.identity.permissions import DELEGATION, STAFF
from accord.kernel.errors import InvalidInput
from accord.monitoring.ingest_routes import LOCK, Events
from accord.monitoring.ingest_routes import router as ingest_router
from accord.monitoring.pages import DEFAULT_LIMIT, MAX_CURSOR, MAX_LIMIT, cursor, page_after
from accord.monitoring.period import checked_period
from accord.monitoring.reference import iso3_to_iso2
from accord.monitoring.schemas import AlertOut, IndicatorOut

if TYPE_CHECKING:
    from accord.monitoring.store import EventStore
    from accord.monitoring.views import Watch
    from accord.service.runtime import Accord

router = APIRouter(prefix="/monitor", tags=["monitoring"], responses=PROBLEMS)
router.include_router(ingest_router)
From = Annotated[
    dt.date | None,
    Query(alias="from", description="First day, from 1979-01-01 (default: 12 weeks back)"),
]
To = Annotated[
    dt.date | None,
    Query(alias="to", description="Last day, at most 731 days after from (default: today)"),
]
After = Annotated[
    str | None,
    Query(max_length=MAX_CURSOR, description="The id of the last item already read"),
    AfterValidator(lambda text: text if text is None else cursor(text)),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]


def _period(accord: Accord, first: dt.date | None, last: dt.date | None) -> tuple[dt.date, dt.date]:
    try:
        return checked_period(first, last, accord.now().date())
    except InvalidInput as error:
        raise HTTPException(
            422, [{"loc": ["query", error.field], "msg": error.rule, "type": "rule"}]
        ) from None


def _page(
    request: Request, items: list[dict[str, Any]], after: str | None, limit: int, *period: dt.date
) -> JSONResponse:
    """A page of ``items``, with a ``Link`` to the next one (over the same period) if any."""
    found, more = page_after(items, after, limit)
    headers = {}
    if more:
        start, end = (day.isoformat() for day in period)
        following = request.url.include_query_params(
            after=found[-1]["id"], limit=limit, **{"from": start, "to": end}
        )
        headers["Link"] = f'<{following}>; rel="next"'
    return JSONResponse(found, headers=headers)


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
    from accord.monitoring.views import watch

    with LOCK:
        return watch(store, accord.world.charter(), first, last, states)


@router.get("/indicators", response_model=list[IndicatorOut])
def read_indicators(
    request: Request,
    accord: AccordDep,
    store: Events,
    states: Watched,
    member: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", examples=["TJK"])],
    first: From = None,
    last: To = None,
    after: After = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Any:
    """Weekly events, fatalities and intensity per category, beside their baseline; paged
    in id order (``after``, ``limit``, and a ``Link`` header to the next page)."""
    from accord.monitoring.views import indicator_dict, member_indicators

    member = member.upper()
    if states is not None and member not in states:
        raise HTTPException(404, f"no indicators of {member} are released to the caller")
    start, end = _period(accord, first, last)
    with LOCK:
        series = member_indicators(store, [member], start, end)
    return _page(request, [indicator_dict(point) for point in series], after, limit, start, end)


@router.get("/alerts", response_model=list[AlertOut])
def read_alerts(
    request: Request,
    accord: AccordDep,
    store: Events,
    states: Watched,
    first: From = None,
    last: To = None,
    after: After = None,
    limit: Limit = DEFAULT_LIMIT,
) -> Any:
    """Weeks far above their baseline, each with its reason, a recommendation to people and
    a draft request the Crisis Response Centre may prepare for the member; paged like the
    indicators."""
    start, end = _period(accord, first, last)
    alerts = _watch(accord, store, states, start, end).as_dicts()
    return _page(request, alerts, after, limit, start, end)


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
    from accord.monitoring.exports import cap_message

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
    from accord.monitoring.exports import stix_bundle

    start, end = _period(accord, first, last)
    found = _watch(accord, store, states, start, end)
    bundle = stix_bundle(found.alerts, found.names, iso3_to_iso2(), accord.now())
    return Response(bundle.serialize(), media_type="application/stix+json;version=2.1")
