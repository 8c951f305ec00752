"""Whether a council may be convened in session on a day: who convenes, in what format, and
(for an extraordinary session) at the request of how many members: the law of the day only."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.rules import parameters as p
from accord.rules.chairmanship import NO_CHAIR, Chairing, rule_on_chair
from accord.rules.charter import Body
from accord.rules.facts import Facts
from accord.rules.parameter import Parameter
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.sources import Confidence, Source
from accord.rules.standing import require_member

FORMATS = ("in_person", "video")
CHAIR = "chair"


@dataclass(frozen=True)
class Sitting:
    """A session asked for: ``by`` is ``chair``, the body's own id, or whoever else asks."""

    body: str
    by: str = CHAIR
    extraordinary: bool = False
    format: str = "in_person"
    requested_by: tuple[str, ...] = ()


def rule_on_session(rulebook: Rulebook, sitting: Sitting) -> Ruling:
    """Allowed with the chair who convenes (none when the council convenes itself), or why not."""
    because = Because("session", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling(NO_CHAIR)
    later = rulebook.charter.bodies.get(sitting.body)
    if later is not None and rulebook.day < later.period.start:
        # The article founding the body is not in force yet: the treaty in force is cited.
        because.refuse(
            f"the {later.name} does not exist on {rulebook.day} (only from {later.period.start})",
            rulebook.founding.source,
        )
        return because.ruling(NO_CHAIR)
    body = rulebook.require_body(sitting.body, because)
    if body is None:
        return because.ruling(NO_CHAIR)
    if body.decision_rule is None:
        because.refuse(f"the {body.name} is not a council that meets in session", body.source)
        return because.ruling(NO_CHAIR)
    governed = body.id in rulebook.parameter(p.SESSION_COUNCILS)
    chairing = _convener(rulebook, body, sitting.by, governed, because)
    if chairing is None:
        return because.ruling(NO_CHAIR)
    if governed:
        _format(rulebook, body, sitting.format, because)
    elif rulebook.dated(p.SESSION_COUNCILS) is not None:
        because.note(
            f"the reference states no session rules for the {body.name}: its format and "
            "requesters are not checked",
            _unverified(rulebook, p.SESSION_COUNCILS, "no session rules found for this council"),
        )
    if not because.refused:
        _requesters(rulebook, body, sitting, governed, because)
    return because.ruling(chairing)


def _convener(
    rulebook: Rulebook, body: Body, by: str, governed: bool, because: Because
) -> Chairing | None:
    """The chair convenes where one is on record; where none is, the council convenes itself."""
    law = rulebook.parameter(p.CONVENER) if governed else CHAIR
    source = rulebook.source_of(p.CONVENER) if governed else None
    chair = rule_on_chair(rulebook) if law == CHAIR else None
    chairing = Chairing.of(chair) if chair is not None else None
    if chair is not None and chairing is not None and chairing.chair is not None:
        if by in (CHAIR, chairing.chair, body.id):
            because.note(
                f"the chair ({chairing.chair}) convenes the {body.name}", chair.reasons[0].source
            )
            return chairing
        because.refuse(
            f"only the chair ({chairing.chair}) convenes the {body.name}, not {by}",
            chair.reasons[0].source,
        )
        return None
    if by == body.id:
        why = (
            "on this day the law has the council convene itself"
            if law != CHAIR
            else (f"no chair is recorded for {rulebook.day}, so the council convenes itself")
        )
        because.note(
            f"the {body.name} convenes itself: {why}",
            source if law != CHAIR else _unverified(rulebook, p.CONVENER, why),
        )
        return NO_CHAIR
    because.refuse(
        f"no chair convenes the {body.name} on {rulebook.day}"
        + (" (none is recorded)" if law == CHAIR else "")
        + f": the {body.name} convenes itself (by: {body.id}), not {by}",
        source,
    )
    return None


def _format(rulebook: Rulebook, body: Body, session_format: str, because: Because) -> None:
    allowed = rulebook.parameter(p.SESSION_FORMATS)
    source = rulebook.source_of(p.SESSION_FORMATS)
    if rulebook.dated(p.SESSION_FORMATS) is None:
        return
    if session_format in allowed:
        shown = session_format.replace("_", " ") if session_format == "in_person" else "by video"
        because.note(f"the {body.name} may meet {shown} on {rulebook.day}", source)
        return
    series = rulebook.charter.parameters[p.SESSION_FORMATS.name]
    later = next(
        (d for d in series.values if d.start > rulebook.day and session_format in d.value), None
    )
    because.refuse(
        f"a session of the {body.name} by {session_format} is not provided for on "
        f"{rulebook.day} (formats then: {', '.join(allowed)})"
        + (f"; it is from {later.start}" if later else ""),
        source,
    )


def _requesters(
    rulebook: Rulebook, body: Body, sitting: Sitting, governed: bool, because: Because
) -> None:
    for state in sitting.requested_by:
        if not require_member(rulebook, state, because, f"ask for a session of the {body.name}"):
            return
    needed = rulebook.parameter(p.EXTRAORDINARY_REQUESTERS) if governed else 0
    asked = len(sitting.requested_by)
    kind = "an extraordinary" if sitting.extraordinary else "a regular"
    at = f" at the request of {', '.join(sitting.requested_by)}" if asked else ""
    if sitting.extraordinary and asked < needed:
        because.refuse(
            f"{kind} session of the {body.name} is convened at the request of at least "
            f"{needed} member state{'s' if needed > 1 else ''} on {rulebook.day}; "
            f"{asked} asked" + (f" ({', '.join(sitting.requested_by)})" if asked else ""),
            rulebook.source_of(p.EXTRAORDINARY_REQUESTERS),
        )
        return
    counted = sitting.extraordinary and governed
    source = rulebook.source_of(p.EXTRAORDINARY_REQUESTERS) if counted else None
    because.note(f"{kind} session of the {body.name} is convened{at}", source)


def _unverified(rulebook: Rulebook, key: Parameter[Any], note: str) -> Source | None:
    source = rulebook.source_of(key)
    if source is None:
        return None
    return dataclasses.replace(source, confidence=Confidence.UNVERIFIED, note=note)


def session_question(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    """The question ``session``: body, by, extraordinary, format, requested_by."""
    facts = Facts(given, {"body", "by", "extraordinary", "format", "requested_by"})
    sitting = Sitting(
        body=facts.text("body"),
        by=facts.text("by", CHAIR),
        extraordinary=facts.flag("extraordinary"),
        format=facts.word("format", FORMATS, "in_person"),
        requested_by=facts.states("requested_by"),
    )
    return rule_on_session(rulebook, sitting)
