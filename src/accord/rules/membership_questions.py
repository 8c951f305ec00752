"""The questions about a state's standing: its status on a day, its admission, suspension,
withdrawal, and an observer's or partner's status (one grammar with ``accord.rules.questions``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from accord.rules.facts import Facts
from accord.rules.membership import (
    rule_on_admission,
    rule_on_suspension,
    rule_on_third_party_status,
    rule_on_withdrawal,
)
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling


def _status(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    state = Facts(given, {"state"}).state("state")
    because = Because("status", rulebook.day)
    status = rulebook.status(state)
    frozen = rulebook.frozen(state)
    if status is None:
        because.note(
            f"{rulebook.name_of(state)} has no relation to {rulebook.founding.title} on "
            f"{rulebook.day}",
            rulebook.founding.source,
        )
    else:
        because.note(
            f"{rulebook.name_of(state)}: {status.status} since {status.period.since}"
            f"{' — ' + status.note if status.note else ''}",
            status.source,
        )
    if frozen is not None:
        because.note(
            f"participation frozen since {frozen.period.since} (political, not a Charter status)",
            frozen.source,
        )
    return because.ruling(
        state=state, status=rulebook.status_name(state), frozen=frozen is not None
    )


def _suspension(rulebook: Rulebook, facts: Facts) -> Ruling:
    return rule_on_suspension(rulebook, facts.state("state"), facts.text("by").upper())


def _third_party(rulebook: Rulebook, facts: Facts) -> Ruling:
    status = facts.word("status", frozenset({"observer", "partner"}))
    return rule_on_third_party_status(rulebook, facts.state("state"), status)


MEMBERSHIP_QUESTIONS: dict[str, Callable[[Rulebook, Mapping[str, Any]], Ruling]] = {
    "status": _status,
    "admission": lambda rulebook, given: rule_on_admission(
        rulebook, Facts(given, {"state"}).state("state")
    ),
    "suspension": lambda rulebook, given: _suspension(rulebook, Facts(given, {"state", "by"})),
    "withdrawal": lambda rulebook, given: rule_on_withdrawal(
        rulebook, Facts(given, {"state"}).state("state")
    ),
    "third_party_status": lambda rulebook, given: _third_party(
        rulebook, Facts(given, {"state", "status"})
    ),
}
