"""Reading a draft before deciding on it: what the chair is told when a draft is tabled, and
the check that no participant of the decision is left unable to read it when it is closed.

The rule of release is ``rules.release`` (who reads a draft about a classified case); the
predicate every entry point uses is ``bodies.views.draft_visible``. Closing checks the predicate
itself, not the rule, as defence in depth: if any state taking part in the decision could not
read the draft on the closing day, the draft is not closed, since that state would be counted
absent without having been able to see what it was absent from (DESIGN, security model; the
consensus of the participants, CHARTER-12).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from accord.bodies.matters import MATTERS, Matter
from accord.bodies.model import Draft
from accord.bodies.views import Delegation, draft_visible
from accord.rules import parameters as p
from accord.rules.charter import Body
from accord.rules.release import Release, rule_on_release
from accord.rules.ruling import Because, Ruling
from accord.rules.voting import participants
from accord.service.world import World


def with_release(
    tabled: Ruling, world: World, body: Body, kind: str, subject: str | None, case: Matter
) -> Ruling:
    """The table_draft ruling, telling the chair to whom the draft about ``case`` is released
    beyond the case's readers, and on which article (``released_to`` in its details)."""
    day = tabled.as_of
    rulebook = world.rulebook(day)
    readers = [
        state
        for state in participants(rulebook, body, kind, subject).voters
        if world.port(MATTERS).visible(world, case, Delegation(state), day)
    ]
    release = rule_on_release(rulebook, body, kind, subject, readers)
    return replace(
        tabled,
        reasons=tabled.reasons + release.reasons,
        details={**tabled.details, "released_to": list(Release.of(release).released_to)},
    )


def rule_on_reading(world: World, draft: Draft, at: dt.datetime) -> Ruling:
    """May ``draft`` be closed at ``at``: can every participant of the decision read it?

    The participants are those of the instant the vote is counted at (a state suspended later
    that day still takes part). Refused naming those who could not read it (``unread``).
    """
    day = at.date()
    rulebook = world.rulebook(at)
    body = world.charter().bodies[draft.body]
    because = Because("close_draft", day)
    taking_part = participants(
        rulebook, body, draft.kind, draft.subject, disputing=draft.parties_to_dispute
    )
    unread = [
        state
        for state in taking_part.voters
        if not draft_visible(world, draft, Delegation(state), day)
    ]
    if unread:
        release = rulebook.source_of(p.DRAFTS_RELEASED_TO_PARTICIPANTS)
        rule = body.decision_rule.on(day) if body.decision_rule else None
        because.refuse(
            f"{draft.id} is not closed: {', '.join(unread)} take part in the {body.name}'s "
            f"decision but could not read the draft on {day}, and a member is never counted "
            "absent from a decision it could not see: the decision waits until every "
            "participant can read the draft",
            release or (rule.source if rule else body.source),
        )
    return because.ruling(unread=unread)
