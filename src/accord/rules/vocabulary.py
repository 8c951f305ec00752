"""The words the engine understands: statuses, decision kinds, conditions and parameters.

A charter's data may only use these words; the loader refuses any other, so a typo in a
treaty file is an error, never a rule that silently does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

STATUSES = frozenset(
    {
        "signatory",
        "applicant",
        "member",
        "suspended",
        "withdrawn",
        "not_renewed",
        "expelled",
        "observer",
        "partner",
    }
)
#: Statuses that a state may go on to from each status (a gap in the history ends a relation).
NEXT_STATUSES: dict[str | None, frozenset[str]] = {
    None: frozenset({"signatory", "applicant", "member", "observer", "partner"}),
    "signatory": frozenset({"member", "withdrawn"}),
    "applicant": frozenset({"member", "signatory"}),
    "member": frozenset({"suspended", "withdrawn", "not_renewed", "expelled"}),
    "suspended": frozenset({"member", "withdrawn", "expelled"}),
    "withdrawn": frozenset({"applicant", "signatory", "member", "observer", "partner"}),
    "not_renewed": frozenset({"applicant", "signatory", "member", "observer", "partner"}),
    "expelled": frozenset({"applicant"}),
    "observer": frozenset({"applicant", "signatory", "member", "partner"}),
    "partner": frozenset({"applicant", "signatory", "member", "observer"}),
}

DECISION_KINDS = frozenset(
    {
        "statement",
        "consultations",
        "fact_finding_mission",
        "mediation",
        "assistance_political",
        "assistance_military_technical",
        "assistance_humanitarian",
        "assistance_military",
        "peacekeeping_operation",
        "deployment",
        "withdrawal",
        "admission",
        "suspension",
        "expulsion",
        "observer_status",
        "partner_status",
        "budget",
        "appointment",
        "exercise_plan",
    }
)
#: Conditions a power may require; each is checked by rules/competence.py.
CONDITIONS = frozenset(
    {
        "request_of_host_state",
        "un_mandate_outside_members",
        "request_of_attacked_party",
        "subject_is_member",
    }
)
DECISION_RULES = frozenset({"consensus"})
BODY_KINDS = frozenset({"council", "official", "working_body", "assembly"})
POSITIONS = ("support", "object", "stand_aside", "absent")
THREAT_OBJECTS = frozenset(
    {
        "security",
        "stability",
        "territorial_integrity",
        "sovereignty",
        "political_independence",
        "international_peace",
    }
)
AGGRESSOR_KINDS = frozenset({"state", "non_state", "unknown"})
THREAT_KINDS = frozenset({"threat", "aggression"})


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else "a boolean (true or false)"


def _is_months(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "a whole number of months, zero or more"


def _one_of(words: frozenset[str]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        # isinstance first: a list or a mapping is no word, and cannot be looked up in a set.
        return None if isinstance(value, str) and value in words else f"one of {sorted(words)}"

    return check


def _list_of(words: frozenset[str] | None) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "a list of words"
        if words is None:
            return None
        unknown = sorted(set(value) - words)
        return f"a list drawn from {sorted(words)} (unknown: {unknown})" if unknown else None

    return check


def _is_text(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "a non-empty text"


#: Every parameter the engine reads, with the check its values must pass.
PARAMETERS: dict[str, Callable[[Any], str | None]] = {
    "consultations/threat_objects": _list_of(THREAT_OBJECTS),
    "consultations/requester": _one_of(frozenset({"threatened_party", "any_party"})),
    "collective_defence/aggressor_kinds": _list_of(AGGRESSOR_KINDS),
    "collective_defence/on_request_of_attacked_party": _is_bool,
    "collective_defence/report_to_un_security_council": _is_bool,
    "collective_defence/assistance": _list_of(None),
    "collective_defence/deciding_body": _is_text,
    "membership/withdrawal_notice_months": _is_months,
    "membership/admission_body": _is_text,
    "membership/suspension_body": _is_text,
    "membership/third_party_statuses": _list_of(frozenset({"observer", "partner"})),
    "voting/restricted_format": _is_bool,
    "voting/absent_members_block": _is_bool,
    "voting/member_concerned_excluded": _list_of(DECISION_KINDS),
    "voting/all_members_consent": _list_of(DECISION_KINDS),
    "voting/drafts_released_to_participants": _is_bool,
    "measures/on_request_of_state_concerned": _list_of(DECISION_KINDS),
    "chairmanship/rotation_order": _list_of(None),
    "chairmanship/calendar_year_terms": _is_bool,
}
