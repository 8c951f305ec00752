"""Who takes part in a body's decision, what each may state, and the outcome of their positions
(the positions are weighed in ``consensus``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from accord.rules import parameters as p
from accord.rules.charter import Body
from accord.rules.consensus import consensus
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Reason, Ruling
from accord.rules.sources import Source
from accord.rules.vocabulary import POSITIONS


@dataclass(frozen=True)
class Participation:
    voters: tuple[str, ...]
    excluded: Mapping[str, Reason]
    #: The parties to the dispute the decision is about that take part in it.
    disputing: tuple[str, ...] = ()


def participants(
    rulebook: Rulebook,
    body: Body,
    kind: str | None = None,
    subject: str | None = None,
    because: Because | None = None,
    disputing: tuple[str, ...] = (),
) -> Participation:
    """The member states that take part in ``body``'s decision (the state is the voter)."""
    excluded: dict[str, Reason] = {}
    voters = []
    concerned = rulebook.parameter(p.MEMBER_CONCERNED_EXCLUDED)
    set_aside = rulebook.parameter(p.PARTIES_TO_DISPUTE_EXCLUDED)
    for code in sorted(rulebook.charter.states):
        status = rulebook.status(code)
        if status is None or status.status not in ("member", "suspended"):
            continue
        if status.status == "suspended":
            excluded[code] = Reason(f"suspended since {status.period.since}", status.source)
        elif kind in concerned and code == subject:
            excluded[code] = Reason(
                f"the member concerned by the {kind}",
                rulebook.source_of(p.MEMBER_CONCERNED_EXCLUDED),
            )
        elif kind in set_aside and code in disputing:
            excluded[code] = Reason(
                f"a party to the dispute the {kind} is about",
                rulebook.source_of(p.PARTIES_TO_DISPUTE_EXCLUDED),
            )
        else:
            voters.append(code)
    taking_part = Participation(
        tuple(voters), excluded, tuple(code for code in voters if code in disputing)
    )
    if because is not None:
        note_participation(rulebook, taking_part, because)
    return taking_part


def note_participation(rulebook: Rulebook, taking_part: Participation, because: Because) -> None:
    """Say who takes no part and why, and that the parties to the dispute do take part."""
    for code, why in taking_part.excluded.items():
        because.note(f"{rulebook.name_of(code)} takes no part: {why.text}", why.source)
    for code in taking_part.disputing:
        because.note(
            f"{rulebook.name_of(code)} is a party to the dispute and takes part with its vote",
            rulebook.source_of(p.PARTIES_TO_DISPUTE_EXCLUDED),
        )


def rule_on_position(
    rulebook: Rulebook,
    body: Body,
    state: str,
    position: str,
    kind: str | None = None,
    subject: str | None = None,
    taking_part: Participation | None = None,
    disputing: tuple[str, ...] = (),
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
    taking_part = taking_part or participants(rulebook, body, kind, subject, None, disputing)
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
    disputing: tuple[str, ...] = (),
) -> Ruling:
    """Turn every participant's position into ``adopted``, ``adopted_restricted`` or ``blocked``."""
    because = Because("vote", rulebook.day)
    taking_part = participants(rulebook, body, kind, subject, None, disputing)
    for state, position in sorted(positions.items()):
        refused = rule_on_position(rulebook, body, state, position, kind, subject, taking_part)
        if not refused.allowed:
            for reason in refused.reasons:
                because.refuse(reason.text, reason.source)
            return because.ruling(outcome=None)
    note_participation(rulebook, taking_part, because)
    decision_rule = body.decision_rule.on(rulebook.day) if body.decision_rule else None
    if decision_rule is None:
        because.refuse(f"the {body.name} takes no decisions by vote on {rulebook.day}")
        return because.ruling(outcome=None)
    because.note(f"the {body.name} decides by {decision_rule.value}", decision_rule.source)
    said = {state: positions.get(state, "absent") for state in taking_part.voters}
    return consensus(rulebook, said, kind, because)


def _status_source(rulebook: Rulebook, state: str) -> Source | None:
    status = rulebook.status(state)
    return status.source if status else None


def _rule_source(rulebook: Rulebook, body: Body) -> Source:
    rule = body.decision_rule.on(rulebook.day) if body.decision_rule else None
    return rule.source if rule else body.source
