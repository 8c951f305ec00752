"""How the positions of the states taking part make a draft's outcome: one objection blocks
it; a member's absence blocks it where a parameter says so; those not interested may stand
aside in the restricted format, unless the kind of decision needs every member's consent."""

from __future__ import annotations

from collections.abc import Mapping

from accord.rules import parameters as p
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.vote import Outcome, Vote

ADOPTED, ADOPTED_RESTRICTED, BLOCKED = Outcome


def consensus(
    rulebook: Rulebook, said: Mapping[str, str], kind: str | None, because: Because
) -> Ruling:
    """The outcome of ``said``: each participant's position, ``absent`` if it stated none."""

    def those(position: str) -> list[str]:
        return [state for state, p in said.items() if p == position]

    objecting, aside, absent, supporting = (
        those(word) for word in ("object", "stand_aside", "absent", "support")
    )
    for state in objecting:
        frozen = rulebook.frozen(state)
        if frozen is not None:
            because.note(
                f"{rulebook.name_of(state)} keeps its veto although its participation is frozen",
                frozen.source,
            )
    if kind in rulebook.parameter(p.ALL_MEMBERS_CONSENT) and (aside or absent):
        because.note(
            f"a decision on {kind} needs the consent of every member",
            rulebook.source_of(p.ALL_MEMBERS_CONSENT, kind),
        )
        blocked_by = objecting + aside + absent
        because.refuse(f"not adopted: {', '.join(blocked_by)} did not consent")
        return _result(because, BLOCKED, blocked_by, [], absent, supporting)
    if objecting:
        because.refuse(
            f"blocked: {', '.join(objecting)} objected, and one objection breaks consensus"
        )
        return _result(because, BLOCKED, objecting, aside, absent, supporting)
    absent_block = rulebook.source_of(p.ABSENT_MEMBERS_BLOCK)
    if rulebook.parameter(p.ABSENT_MEMBERS_BLOCK) and absent:
        because.refuse(f"blocked: {', '.join(absent)} absent", absent_block)
        return _result(because, BLOCKED, absent, aside, absent, supporting)
    if absent:
        because.note(
            f"{', '.join(absent)} absent: an absent member does not block and may "
            "join the decision later",
            absent_block,
        )
    if not supporting:
        because.refuse("not adopted: no member supported the draft")
        return _result(because, BLOCKED, [], aside, absent, supporting)
    if aside:
        because.note(
            f"adopted in the restricted format: {', '.join(aside)} stood aside: they do not block "
            "it and take no part in carrying it out",
            rulebook.source_of(p.RESTRICTED_FORMAT),
        )
        return _result(because, ADOPTED_RESTRICTED, [], aside, absent, supporting)
    because.note("adopted by consensus: no member objected")
    return _result(because, ADOPTED, [], aside, absent, supporting)


def _result(
    because: Because,
    outcome: Outcome,
    blocked_by: list[str],
    aside: list[str],
    absent: list[str],
    supporting: list[str],
) -> Ruling:
    vote = Vote(outcome, tuple(blocked_by), tuple(aside), tuple(absent), tuple(supporting))
    return because.ruling(vote)
