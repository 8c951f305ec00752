"""The words the engine understands: statuses, decision kinds, conditions, positions.

A charter's data may only use these words; the loader refuses any other, so a typo in a
treaty file is an error, never a rule that silently does nothing.
"""

from __future__ import annotations

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
