"""Every parameter the engine reads, declared once: its name, its type, the article it rests on.

The articles are the bundled CSTO charter's; another treaty's data cites its own in each value.
"""

from __future__ import annotations

from typing import Any

from accord.rules.parameter import Parameter, body, count, flag, months, word, words
from accord.rules.vocabulary import AGGRESSOR_KINDS, DECISION_KINDS, THREAT_OBJECTS

THREAT_OBJECTS_OF_CONSULTATIONS = words("consultations/threat_objects", "CST-2", THREAT_OBJECTS)
REQUESTER_OF_CONSULTATIONS = word(
    "consultations/requester",
    "CST-2",
    frozenset({"threatened_party", "any_party"}),
    unset="any_party",
)
AGGRESSOR_KINDS_OF_DEFENCE = words("collective_defence/aggressor_kinds", "CST-4", AGGRESSOR_KINDS)
ON_REQUEST_OF_ATTACKED_PARTY = flag("collective_defence/on_request_of_attacked_party", "CST-4")
REPORT_TO_UN_SECURITY_COUNCIL = flag("collective_defence/report_to_un_security_council", "CST-4")
ASSISTANCE = words("collective_defence/assistance", "CST-4")
DECIDING_BODY = body("collective_defence/deciding_body", "CST-6")
WITHDRAWAL_NOTICE_MONTHS = months("membership/withdrawal_notice_months", "CST-11")
#: What a withdrawing member settles before it goes (obligations that outlive its notice).
WITHDRAWAL_OBLIGATIONS = words(
    "membership/withdrawal_obligations",
    "CST-11",
    frozenset({"obligations_linked_to_withdrawal"}),
    optional=True,
)
ADMISSION_BODY = body("membership/admission_body", "CHARTER-19")
#: Re-entry: the statuses from which a state that was a member enters again by admission.
RE_ENTRY = words(
    "membership/re_entry",
    "CHARTER-19",
    frozenset({"not_renewed", "withdrawn", "suspended", "expelled"}),
    optional=True,
)
SUSPENSION_BODY = body("membership/suspension_body", "REG-SUSPENSION-2004", optional=True)
THIRD_PARTY_STATUSES = words(
    "membership/third_party_statuses",
    "CHARTER-21",
    frozenset({"observer", "partner"}),
    optional=True,
)
RESTRICTED_FORMAT = flag("voting/restricted_format", "CHARTER-12")
ABSENT_MEMBERS_BLOCK = flag("voting/absent_members_block", "CHARTER-12")
JOIN_AFTER_ADOPTION = flag("voting/join_after_adoption", "CHARTER-12", optional=True)
MEMBER_CONCERNED_EXCLUDED = words(
    "voting/member_concerned_excluded", "REG-SUSPENSION-2004", DECISION_KINDS, optional=True
)
ALL_MEMBERS_CONSENT = words("voting/all_members_consent", "CHARTER-19", DECISION_KINDS)
DRAFTS_RELEASED_TO_PARTICIPANTS = flag("voting/drafts_released_to_participants", "CHARTER-12")
ON_REQUEST_OF_STATE_CONCERNED = words(
    "measures/on_request_of_state_concerned", "CHARTER-5", DECISION_KINDS, optional=True
)
PEACEFUL_SETTLEMENT = flag("disputes/peaceful_settlement", "CST-1", optional=True)
DISPUTES_ANSWERED_BY = word(
    "disputes/answered_by",
    "CST-1",
    frozenset({"consultations", "collective_defence"}),
    unset="collective_defence",
    optional=True,
)
PARTIES_TO_DISPUTE_EXCLUDED = words(
    "voting/parties_to_dispute_excluded", "CHARTER-12", DECISION_KINDS, optional=True
)
ROTATION_ORDER = words("chairmanship/rotation_order", "CHARTER-13", optional=True)
CALENDAR_YEAR_TERMS = flag("chairmanship/calendar_year_terms", "CHARTER-13", optional=True)
# Unset (a charter silent on sessions), a session is neither limited in format nor in requesters.
SESSION_COUNCILS = words("sessions/councils", "CHARTER-13", optional=True)
SESSION_FORMATS = words(
    "sessions/formats", "CHARTER-13", frozenset({"in_person", "video"}), optional=True
)
EXTRAORDINARY_REQUESTERS = count(
    "sessions/extraordinary_requesters", "CHARTER-13", unset=0, optional=True
)
CONVENER = word(
    "sessions/convener", "CHARTER-13", frozenset({"chair", "council"}), "chair", optional=True
)

#: Every declared parameter by name: the charter loader accepts these files and no other.
DECLARED: dict[str, Parameter[Any]] = {
    key.name: key
    for key in (
        THREAT_OBJECTS_OF_CONSULTATIONS,
        REQUESTER_OF_CONSULTATIONS,
        AGGRESSOR_KINDS_OF_DEFENCE,
        ON_REQUEST_OF_ATTACKED_PARTY,
        REPORT_TO_UN_SECURITY_COUNCIL,
        ASSISTANCE,
        DECIDING_BODY,
        WITHDRAWAL_NOTICE_MONTHS,
        WITHDRAWAL_OBLIGATIONS,
        ADMISSION_BODY,
        RE_ENTRY,
        SUSPENSION_BODY,
        THIRD_PARTY_STATUSES,
        RESTRICTED_FORMAT,
        ABSENT_MEMBERS_BLOCK,
        JOIN_AFTER_ADOPTION,
        MEMBER_CONCERNED_EXCLUDED,
        ALL_MEMBERS_CONSENT,
        DRAFTS_RELEASED_TO_PARTICIPANTS,
        ON_REQUEST_OF_STATE_CONCERNED,
        PEACEFUL_SETTLEMENT,
        DISPUTES_ANSWERED_BY,
        PARTIES_TO_DISPUTE_EXCLUDED,
        ROTATION_ORDER,
        CALENDAR_YEAR_TERMS,
        SESSION_COUNCILS,
        SESSION_FORMATS,
        EXTRAORDINARY_REQUESTERS,
        CONVENER,
    )
}
