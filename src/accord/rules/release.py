"""Who reads a draft decision about a classified case: the rule of release (pure rules).

Classification and releasability never keep a state that takes part in a body's decision from
reading the draft it decides on (DESIGN, security model). Tabling a draft about a case releases
*the draft* (its text, kind, positions and outcome, and the session it is on, so that the
agenda can be read) to every state the rules make a participant of that body's decision on that
kind and subject (``voting.participants``), on the day the draft is read while it is open, and
on the day it was closed once it is closed. The case file (the case, its timeline, its other
records) stays as classified. A party the rules leave out (a suspended member; the member
concerned by its own suspension) is no participant and is released nothing.

Release is computed, never stored: a state admitted between tabling and closing is a
participant on the closing day and reads the draft then; it is counted absent only if it says
nothing, never because it could not see the draft.

The rule is the charter parameter ``voting/drafts_released_to_participants`` (dated, cited).
The reference notes are silent on classified papers: the data cites the decision rule
(consensus, CHARTER-12) and flags the rule as inferred (confidence ``unverified``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from accord.rules import parameters as p
from accord.rules.charter import Body
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.voting import participants


@dataclass(frozen=True)
class Release:
    """To whom a draft is released beyond the case's readers, among those taking part."""

    released_to: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    #: Participants that cannot read the draft: never any while the charter releases drafts.
    unreleased: tuple[str, ...] = ()

    @staticmethod
    def of(ruling: Ruling) -> Release:
        return ruling.answer if isinstance(ruling.answer, Release) else Release()

    def details(self) -> Mapping[str, Any]:
        return {
            "released_to": list(self.released_to),
            "participants": list(self.participants),
            "unreleased": list(self.unreleased),
        }


def rule_on_release(
    rulebook: Rulebook,
    body: Body,
    kind: str | None = None,
    subject: str | None = None,
    readers: Iterable[str] = (),
) -> Ruling:
    """To which participants of ``body``'s decision a draft is released beyond ``readers``
    (the states that read the case already); the answer is a ``Release``."""
    because = Because("release", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling(Release())
    taking_part = participants(rulebook, body, kind, subject, because)
    reading = set(readers)
    beyond = [state for state in taking_part.voters if state not in reading]
    release = rulebook.source_of(p.DRAFTS_RELEASED_TO_PARTICIPANTS)
    if not rulebook.parameter(p.DRAFTS_RELEASED_TO_PARTICIPANTS):
        because.note(
            f"drafts before the {body.name} are not released beyond the case's readers"
            + (f": {', '.join(beyond)} could not read such a draft" if beyond else ""),
            release,
        )
        return because.ruling(Release((), taking_part.voters, tuple(beyond)))
    if beyond:
        because.note(
            f"the draft (not the case file) is released to {', '.join(beyond)}: every state "
            f"that takes part in the {body.name}'s decision reads the draft it decides on",
            release,
        )
    else:
        because.note(
            f"every state that takes part in the {body.name}'s decision reads the case already",
            release,
        )
    return because.ruling(Release(tuple(beyond), taking_part.voters))


def released_to(
    rulebook: Rulebook, body: Body, kind: str | None = None, subject: str | None = None
) -> frozenset[str]:
    """The states a draft on ``kind`` about ``subject`` before ``body`` is released to."""
    return frozenset(Release.of(rule_on_release(rulebook, body, kind, subject)).released_to)
