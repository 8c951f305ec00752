"""What the home page shows, read from the contexts' own views as the API reads them: the
chair (the treaty's ruling), the states with their status, the open cases and the sessions
the caller may see (the same visibility predicates), on today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from accord.bodies import views as bodies
from accord.bodies.model import BODIES
from accord.cases import views as cases
from accord.cases.model import FINAL_STAGES, Stage
from accord.identity.model import Principal
from accord.rules.questions import ask
from accord.rules.summaries import members_summary
from accord.service.runtime import Accord

#: The statuses shown on the home page: the states that are, or are about to be, members.
SHOWN = ("member", "suspended", "signatory")


@dataclass(frozen=True)
class Home:
    today: dt.date
    chair: dict[str, Any]
    members: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    sessions: list[dict[str, Any]]


def home(accord: Accord, viewer: Principal) -> Home:
    world, today = accord.world, accord.now().date()
    rulebook = world.rulebook(today)
    members = [row for row in members_summary(rulebook) if row["status"] in SHOWN]
    open_cases = [
        case
        for case in cases.visible_cases(world, viewer, today)
        if Stage(case["stage"]) not in FINAL_STAGES
    ]
    return Home(
        today=today,
        chair=ask(rulebook, "chair", {}).to_dict(),
        members=members,
        cases=sorted(open_cases, key=lambda case: case["filed_at"], reverse=True),
        sessions=coming_sessions(accord, viewer, today),
    )


def coming_sessions(accord: Accord, viewer: Principal, today: dt.date) -> list[dict[str, Any]]:
    """The sessions the caller may see that meet from today on, or still have a draft open."""
    world = accord.world
    drafts = world[BODIES].drafts
    shown = []
    for session in bodies.visible_session_records(world, viewer, today):
        view = bodies.session_view(world, session, viewer, today)
        still_open = any(drafts[draft].is_open for draft in view["agenda"])
        if session.at.date() >= today or still_open:
            shown.append({**view, "open_drafts": still_open})
    return sorted(shown, key=lambda view: view["at"])
