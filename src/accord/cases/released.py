"""The case records a caller may be shown, as the edge's one lookup finds them
(accord.edge.releases): a case, and a prepared request, each by its own classification."""

from __future__ import annotations

from typing import cast

from accord.cases.changes import CASES, PREPARED_REQUESTS
from accord.cases.model import Case, PreparedRequest
from accord.cases.views import case_visible, prepared_visible
from accord.edge.releases import Kind
from accord.edge.visibility import shown
from accord.identity.model import Principal
from accord.service.runtime import Accord

CASE = Kind("case", lambda world: world[CASES], case_visible)
PREPARED = Kind("prepared request", lambda world: world[PREPARED_REQUESTS], prepared_visible)
#: The command fields that name one of these records (``about``: a draft about a case).
CLASSIFIED = {"case": CASE, "about": CASE, "prepared": PREPARED}


def case_for(accord: Accord, principal: Principal, case_id: str, doing: str) -> Case:
    return cast(Case, shown(accord, principal, CASE, case_id, doing))


def prepared_for(
    accord: Accord, principal: Principal, prepared_id: str, doing: str
) -> PreparedRequest:
    return cast(PreparedRequest, shown(accord, principal, PREPARED, prepared_id, doing))
