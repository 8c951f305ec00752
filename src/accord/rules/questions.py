"""Questions put to the rulebook as plain key/value facts: one grammar for CLI, rule cases, API.

Example: ``ask(rulebook, "request", {"by": "KAZ", "article": "CST-4", "where": "KAZ",
"threat": "aggression", "aggressor": "non_state"})``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from accord.kernel.errors import InvalidInput
from accord.rules.admissibility import Request, rule_on_request
from accord.rules.chairmanship import rule_on_chair
from accord.rules.competence import Proposal, rule_on_competence
from accord.rules.disputes import aggressor_code
from accord.rules.facts import Facts
from accord.rules.joining import rule_on_joining
from accord.rules.membership_questions import MEMBERSHIP_QUESTIONS
from accord.rules.release import rule_on_release
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.sessions import session_question
from accord.rules.vocabulary import (
    DECISION_KINDS,
    POSITIONS,
    THREAT_KINDS,
    THREAT_OBJECTS,
)
from accord.rules.vote import Outcome
from accord.rules.voting import participants, rule_on_outcome


def _request(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    # ``summary`` is the requester's own words: recorded with a case, never read by the rules.
    facts = Facts(given, {"by", "article", "where", "threat", "aggressor", "threatened", "summary"})
    by = facts.state("by")
    return rule_on_request(
        rulebook,
        Request(
            by=by,
            article=facts.text("article"),
            where=facts.state("where", by),
            threat=facts.word("threat", THREAT_KINDS, "threat"),
            aggressor=aggressor_code(facts.text("aggressor", "unknown")),
            threatened=facts.words("threatened", THREAT_OBJECTS, ("security",)),
        ),
    )


def _decision(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    facts = Facts(given, {"body", "kind", "where", "subject", "requested_by", "un_mandate"})
    return rule_on_competence(
        rulebook,
        Proposal(
            body=facts.text("body"),
            kind=facts.word("kind", DECISION_KINDS),
            where=facts.optional_state("where"),
            subject=facts.optional_state("subject"),
            requested_by=facts.states("requested_by"),
            un_mandate=facts.mandate("un_mandate"),
        ),
    )


def _vote(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    facts = Facts(given, {"body", "kind", "subject", "parties_to_dispute", *POSITIONS})
    body = _body(rulebook, facts, "vote")
    if isinstance(body, Ruling):
        return replace(body, details={"outcome": None})
    positions = {state: p for p in POSITIONS for state in facts.states(p)}
    kind = facts.word("kind", DECISION_KINDS) if "kind" in given else None
    subject = facts.optional_state("subject")
    disputing = facts.states("parties_to_dispute")
    return rule_on_outcome(rulebook, body, positions, kind, subject, disputing)


def _participants(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    facts = Facts(given, {"body", "kind", "subject", "parties_to_dispute"})
    body = _body(rulebook, facts, "participants")
    if isinstance(body, Ruling):
        return body
    because = Because("participants", rulebook.day)
    kind = facts.word("kind", DECISION_KINDS) if "kind" in given else None
    subject, disputing = facts.optional_state("subject"), facts.states("parties_to_dispute")
    taking_part = participants(rulebook, body, kind, subject, because, disputing)
    for code in taking_part.voters:
        frozen = rulebook.frozen(code)
        if frozen is not None:
            because.note(
                f"{rulebook.name_of(code)} takes part although its participation is "
                "frozen: it keeps its veto",
                frozen.source,
            )
    because.note(f"the member states take part in the {body.name}'s decisions", body.source)
    excluded = {code: why.text for code, why in taking_part.excluded.items()}
    return because.ruling(voters=list(taking_part.voters), excluded=excluded)


def _release(rulebook: Rulebook, given: Mapping[str, Any]) -> Ruling:
    facts = Facts(given, {"body", "kind", "subject", "readers"})
    body = _body(rulebook, facts, "release")
    if isinstance(body, Ruling):
        return replace(body, details={"released_to": [], "participants": [], "unreleased": []})
    kind = facts.word("kind", DECISION_KINDS) if "kind" in given else None
    subject = facts.optional_state("subject")
    return rule_on_release(rulebook, body, kind, subject, facts.states("readers"))


def _body(rulebook: Rulebook, facts: Facts, question: str) -> Any:
    because = Because(question, rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    body = rulebook.require_body(facts.text("body"), because)
    return body if body is not None else because.ruling()


QUESTIONS: dict[str, Callable[[Rulebook, Mapping[str, Any]], Ruling]] = {
    "request": _request,
    "decision": _decision,
    "vote": _vote,
    "participants": _participants,
    "release": _release,
    **MEMBERSHIP_QUESTIONS,
    "session": session_question,
    "chair": lambda rulebook, given: (Facts(given, set()), rule_on_chair(rulebook))[1],
    "join_decision": lambda rulebook, given: _join(
        rulebook, Facts(given, {"state", "decision", "outcome", "left_out"})
    ),
}


def _join(rulebook: Rulebook, facts: Facts) -> Ruling:
    outcome = facts.word("outcome", _OUTCOMES, "adopted_restricted")
    decision = facts.text("decision", "the decision")
    left_out = facts.states("left_out")
    state = facts.state("state")
    return rule_on_joining(
        rulebook, decision, None if outcome == "open" else outcome, state, left_out
    )


#: A draft's outcome as a question gives it: ``open`` while no outcome is recorded.
_OUTCOMES = frozenset({*(o.value for o in Outcome), "open"})


def ask(rulebook: Rulebook, question: str, given: Mapping[str, Any]) -> Ruling:
    """Answer one question; an unknown question or field raises InvalidInput naming it."""
    answer = QUESTIONS.get(question)
    if answer is None:
        raise InvalidInput(
            "question", f"unknown question {question!r}; one of {', '.join(sorted(QUESTIONS))}"
        )
    return answer(rulebook, given)


def given_facts(items: Iterable[str]) -> dict[str, str]:
    """Facts written ``key=value`` (the CLI's arguments, the API's and the dashboard's fields)
    as a question takes them; InvalidInput naming ``fact`` for one that is not."""
    given = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidInput("fact", f"{item!r}: facts are written key=value")
        given[key] = value
    return given
