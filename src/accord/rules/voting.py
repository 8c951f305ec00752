"""How positions become an outcome: who takes part, consensus, and the restricted format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accord.rules import parameters as p
from accord.rules.charter import Body
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Reason, Ruling
from accord.rules.sources import Source
from accord.rules.vocabulary import POSITIONS
from accord.rules.vote import Outcome, Vote

ADOPTED, ADOPTED_RESTRICTED, BLOCKED = Outcome


@dataclass(frozen=True)
class Participation:
    voters: tuple[str, ...]
    excluded: Mapping[str, Reason]


def participants(
    rulebook: Rulebook,
    body: Body,
    kind: str | None = None,
    subject: str | None = None,
    because: Because | None = None,
) -> Participation:
    """The member states that take part in ``body``'s decision (the state is the voter)."""
    excluded: dict[str, Reason] = {}
    voters = []
    concerned = rulebook.parameter(p.MEMBER_CONCERNED_EXCLUDED)
    for code in sorted(rulebook.charter.states):
        status = rulebook.status(code)
        if status is None or status.status not in ("member", "suspended"):
            continue
        if status.status == "suspended":
            excluded[code] = Reason(f"suspended since {status.period.start}", status.source)
        elif kind in concerned and code == subject:
            excluded[code] = Reason(
                f"the member concerned by the {kind}",
                rulebook.source_of(p.MEMBER_CONCERNED_EXCLUDED),
            )
        else:
            voters.append(code)
    if because is not None:
        for code, why in excluded.items():
            because.note(f"{rulebook.name_of(code)} takes no part: {why.text}", why.source)
    return Participation(tuple(voters), excluded)


def rule_on_position(
    rulebook: Rulebook,
    body: Body,
    state: str,
    position: str,
    kind: str | None = None,
    subject: str | None = None,
    taking_part: Participation | None = None,
) -> Ruling:
    """May ``state`` state ``position`` on a draft before ``body`` on this day?

    ``taking_part`` may be passed when the caller already worked it out for the same draft.
    """
    because = Because("position", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    if position not in POSITIONS:
        because.refuse(f"position must be one of {', '.join(POSITIONS)}, not {position!r}")
        return because.ruling()
    taking_part = taking_part or participants(rulebook, body, kind, subject)
    if state in taking_part.excluded:
        why = taking_part.excluded[state]
        because.refuse(
            f"{rulebook.name_of(state)} takes no part in {body.id} decisions on "
            f"{rulebook.day}: {why.text}",
            why.source,
        )
    elif state not in taking_part.voters:
        because.refuse(
            f"{rulebook.name_of(state)} ({state}) is not a member on "
            f"{rulebook.day} and takes no part in {body.id} decisions",
            _status_source(rulebook, state) or _rule_source(rulebook, body),
        )
    elif position == "stand_aside":
        restricted = rulebook.source_of(p.RESTRICTED_FORMAT)
        if not rulebook.parameter(p.RESTRICTED_FORMAT):
            because.refuse(
                "a member may not stand aside on this date: a decision is taken by "
                "consensus of all, so a member that does not join it objects",
                restricted or _rule_source(rulebook, body),
            )
        else:
            because.note(
                "a member not interested may stand aside: it neither blocks nor is bound",
                restricted,
            )
    return because.ruling()


def rule_on_outcome(
    rulebook: Rulebook,
    body: Body,
    positions: Mapping[str, str],
    kind: str | None = None,
    subject: str | None = None,
) -> Ruling:
    """Turn every participant's position into ``adopted``, ``adopted_restricted`` or ``blocked``."""
    because = Because("vote", rulebook.day)
    taking_part = participants(rulebook, body, kind, subject)
    for state, position in sorted(positions.items()):
        refused = rule_on_position(rulebook, body, state, position, kind, subject, taking_part)
        if not refused.allowed:
            for reason in refused.reasons:
                because.refuse(reason.text, reason.source)
            return because.ruling(outcome=None)
    for code, why in taking_part.excluded.items():
        because.note(f"{rulebook.name_of(code)} takes no part: {why.text}", why.source)
    decision_rule = body.decision_rule.on(rulebook.day) if body.decision_rule else None
    if decision_rule is None:
        because.refuse(f"the {body.name} takes no decisions by vote on {rulebook.day}")
        return because.ruling(outcome=None)
    because.note(f"the {body.name} decides by {decision_rule.value}", decision_rule.source)
    said = {state: positions.get(state, "absent") for state in taking_part.voters}
    return _consensus(rulebook, said, kind, because)


def _consensus(
    rulebook: Rulebook, said: Mapping[str, str], kind: str | None, because: Because
) -> Ruling:
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
            rulebook.source_of(p.ALL_MEMBERS_CONSENT),
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
            "it and take no part in carrying it out"
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


def _status_source(rulebook: Rulebook, state: str) -> Source | None:
    status = rulebook.status(state)
    return status.source if status else None


def _rule_source(rulebook: Rulebook, body: Body) -> Source:
    rule = body.decision_rule.on(rulebook.day) if body.decision_rule else None
    return rule.source if rule else body.source
