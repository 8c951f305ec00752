"""Membership transitions: admission, suspension, withdrawal, observer and partner status."""

from __future__ import annotations

import datetime as dt

from accord.kernel.time import add_months
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member


def rule_on_admission(rulebook: Rulebook, state: str) -> Ruling:
    """May ``state`` be admitted on this day, by whom and with whose consent?"""
    because = Because("admission", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    status = rulebook.status(state)
    if status is not None and status.status in ("member", "suspended"):
        because.refuse(
            f"{rulebook.name_of(state)} is already a member (status: {status.status} "
            f"since {status.period.start})",
            status.source,
        )
        return because.ruling()
    body = rulebook.parameter("membership/admission_body")
    if body is None:
        rulebook.absent_parameter(
            "membership/admission_body", "there is no admission procedure", because
        )
        return because.ruling()
    because.note(f"the {body.value} decides on admission", body.source)
    consent = rulebook.parameter("voting/all_members_consent")
    if consent is not None and "admission" in consent.value:
        because.note(
            f"admission needs the consent of every member: {', '.join(rulebook.members())}",
            consent.source,
        )
    return because.ruling(decided_by=body.value, must_consent=rulebook.members())


def rule_on_suspension(rulebook: Rulebook, state: str, decided_by: str) -> Ruling:
    """May ``decided_by`` (a body or a state) suspend ``state`` on this day?"""
    because = Because("suspension", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    body = rulebook.parameter("membership/suspension_body")
    if body is None:
        rulebook.absent_parameter(
            "membership/suspension_body", "there is no suspension procedure", because
        )
        return because.ruling()
    if decided_by != body.value:
        who = "a state" if decided_by in rulebook.charter.states else f"the {decided_by}"
        because.refuse(
            f"only the {body.value} suspends a member; {who} may only request a "
            "suspension, and a state cannot suspend itself",
            body.source,
        )
        return because.ruling(decided_by=body.value)
    because.note(f"the {body.value} decides on suspension", body.source)
    if not require_member(rulebook, state, because, "be suspended"):
        return because.ruling(decided_by=body.value)
    return because.ruling(decided_by=body.value)


def withdrawal_effective(rulebook: Rulebook, notice: dt.date) -> dt.date | None:
    months = rulebook.value("membership/withdrawal_notice_months")
    return add_months(notice, months) if months is not None else None


def rule_on_withdrawal(rulebook: Rulebook, state: str) -> Ruling:
    """If ``state`` gives notice on this day, when does its withdrawal take effect?"""
    because = Because("withdrawal", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    notice = rulebook.parameter("membership/withdrawal_notice_months")
    if notice is None:
        rulebook.absent_parameter(
            "membership/withdrawal_notice_months", "no party may withdraw", because
        )
        return because.ruling()
    status = rulebook.status(state)
    if status is None or status.status not in ("member", "suspended"):
        because.refuse(
            f"{rulebook.name_of(state)} is not a member on {rulebook.day}, so it has "
            "nothing to withdraw from",
            status.source if status else rulebook.founding.source,
        )
        return because.ruling()
    effective = add_months(rulebook.day, notice.value)
    because.note(
        f"withdrawal takes effect {notice.value} months after the notice, on "
        f"{effective}; until then {state} remains a member with its obligations",
        notice.source,
    )
    return because.ruling(effective=effective, notice_months=notice.value)


def rule_on_third_party_status(rulebook: Rulebook, state: str, status: str) -> Ruling:
    """May ``state`` be granted observer or partner status on this day?"""
    because = Because("third_party_status", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    statuses = rulebook.parameter("membership/third_party_statuses")
    if statuses is None:
        rulebook.absent_parameter(
            "membership/third_party_statuses", f"there is no {status} status", because
        )
        return because.ruling()
    if status not in statuses.value:
        because.refuse(f"there is no {status} status on {rulebook.day}", statuses.source)
        return because.ruling()
    because.note(f"the {status} status exists", statuses.source)
    if rulebook.status_name(state) in ("member", "suspended"):
        because.refuse(
            f"{rulebook.name_of(state)} is a member; {status} status is for states "
            "and organizations outside",
            statuses.source,
        )
        return because.ruling()
    consent = rulebook.parameter("voting/all_members_consent")
    if consent is not None and f"{status}_status" in consent.value:
        because.note("granted only with the consent of every member", consent.source)
    return because.ruling(must_consent=rulebook.members())
