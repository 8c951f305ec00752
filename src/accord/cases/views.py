"""Read models of cases: what a caller may see, shaped for the API and the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.adapters.documents import to_document
from accord.cases.changes import CASES, PREPARED_REQUESTS
from accord.cases.model import Case, PreparedRequest
from accord.identity.permissions import Person, may_see
from accord.service.world import World


def case_visible(world: World, case: Case, person: Person, day: dt.date) -> bool:
    members = world.rulebook(day).members()
    return may_see(person, case.classification, case.requested_by, case.releasable_to, members)


def visible_cases(world: World, person: Person, day: dt.date) -> list[dict[str, Any]]:
    return [
        summary(case) for case in world[CASES].values() if case_visible(world, case, person, day)
    ]


def summary(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "requested_by": case.requested_by,
        "article": case.article,
        "where": case.where,
        "stage": str(case.stage),
        "classification": case.classification,
        "filed_at": case.filed_at,
        "summary": case.summary,
    }


def detail(case: Case) -> dict[str, Any]:
    """The whole case: CaseOut is every field of the model."""
    return dict(to_document(case))


def prepared_visible(world: World, prepared: PreparedRequest, person: Person, day: dt.date) -> bool:
    """The staff and the delegation it is addressed to: no other member sees a draft for it."""
    members = world.rulebook(day).members()
    return may_see(person, "restricted", prepared.for_state, (prepared.for_state,), members)


def visible_prepared_requests(world: World, person: Person, day: dt.date) -> list[PreparedRequest]:
    return [
        prepared
        for prepared in world[PREPARED_REQUESTS].values()
        if prepared_visible(world, prepared, person, day)
    ]
