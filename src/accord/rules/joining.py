"""Joining a decision after its adoption: a member that stood aside from a decision adopted in
the restricted format, or was absent when it was adopted, may later join it and from then on
take part in carrying it out (Charter Art. 12 as amended in 2010, and the practice of sending
such decisions to the member to join)."""

from __future__ import annotations

from collections.abc import Collection

from accord.rules import parameters as p
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.rules.vote import Outcome


def rule_on_joining(
    rulebook: Rulebook,
    decision: str,
    outcome: str | None,
    state: str,
    left_out: Collection[str],
) -> Ruling:
    """May ``state`` join ``decision`` (adopted with ``outcome``; ``left_out``: the states that
    stood aside or were absent and have not joined it yet) on this day?"""
    because = Because("join_decision", rulebook.day)
    joining = rulebook.source_of(p.JOIN_AFTER_ADOPTION)
    if not require_member(rulebook, state, because, "join a decision"):
        return because.ruling()
    if outcome not in (Outcome.ADOPTED.value, Outcome.ADOPTED_RESTRICTED.value):
        state_of = "still open" if outcome is None else f"{outcome}, not adopted"
        because.refuse(f"{decision} is {state_of}: there is no decision to join", joining)
        return because.ruling()
    if not rulebook.parameter(p.JOIN_AFTER_ADOPTION):
        because.refuse(
            f"on {rulebook.day} a decision binds every member once adopted: none is joined later",
            joining,
        )
        return because.ruling()
    if state not in left_out:
        because.refuse(
            f"{rulebook.name_of(state)} did not stand aside from {decision} and was not absent "
            "when it was adopted (or has joined it already): it has nothing to join",
            joining,
        )
        return because.ruling()
    because.note(
        f"{rulebook.name_of(state)} joins {decision}: from now on it takes part in carrying it "
        "out, as the members that adopted it do",
        joining,
    )
    return because.ruling()
