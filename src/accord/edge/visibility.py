"""Finding a record the caller may see for a route's view: missing and not released both
answer 404 with the same message (the send path's lookup, edge.sending.released)."""

from __future__ import annotations

from typing import cast

from accord.bodies.model import Draft, Session
from accord.cases.model import Case, PreparedRequest
from accord.edge.releases import CASE, DRAFT, PREPARED, SESSION
from accord.edge.sending import released
from accord.identity.model import Principal
from accord.service.runtime import Accord


def case_for(accord: Accord, principal: Principal, case_id: str, doing: str) -> Case:
    return cast(Case, released(accord, accord.world, principal, CASE, case_id, doing))


def session_for(accord: Accord, principal: Principal, session_id: str, doing: str) -> Session:
    return cast(Session, released(accord, accord.world, principal, SESSION, session_id, doing))


def draft_for(accord: Accord, principal: Principal, draft_id: str, doing: str) -> Draft:
    return cast(Draft, released(accord, accord.world, principal, DRAFT, draft_id, doing))


def prepared_for(
    accord: Accord, principal: Principal, prepared_id: str, doing: str
) -> PreparedRequest:
    record = released(accord, accord.world, principal, PREPARED, prepared_id, doing)
    return cast(PreparedRequest, record)
