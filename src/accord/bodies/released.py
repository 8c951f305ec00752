"""The bodies' records a caller may be shown, as the edge's one lookup finds them
(accord.edge.releases): a session and a draft, released with the case they are about."""

from __future__ import annotations

from typing import cast

from accord.bodies.model import BODIES, Draft, Session
from accord.bodies.views import draft_visible, session_visible
from accord.edge.releases import Kind
from accord.edge.visibility import shown
from accord.identity.model import Principal
from accord.service.runtime import Accord

SESSION = Kind("session", lambda world: world[BODIES].sessions, session_visible)
DRAFT = Kind("draft", lambda world: world[BODIES].drafts, draft_visible)
#: The command fields that name one of these records (``decision``: adopt_exercise_plan's
#: adopted draft decision, which puts the plan into effect).
CLASSIFIED = {"session": SESSION, "draft": DRAFT, "decision": DRAFT}


def session_for(accord: Accord, principal: Principal, session_id: str, doing: str) -> Session:
    return cast(Session, shown(accord, principal, SESSION, session_id, doing))


def draft_for(accord: Accord, principal: Principal, draft_id: str, doing: str) -> Draft:
    return cast(Draft, shown(accord, principal, DRAFT, draft_id, doing))
