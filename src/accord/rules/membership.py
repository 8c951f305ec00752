"""Membership transitions: admission, suspension, withdrawal, observer and partner status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.kernel.time import add_months
from accord.rules import parameters as p
from accord.rules.charter import StatusPeriod
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member


def rule_on_admission(rulebook: Rulebook, state: str) -> Ruling:
    """May ``state`` be admitted on this day, by whom and with whose consent? A former or
    suspended member re-enters through the same procedure, where the charter says so."""
    because = Because("admission", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    status = rulebook.status(state)
    re_entry = status is not None and status.status in rulebook.parameter(p.RE_ENTRY)
    if status is not None and status.status in ("member", "suspended") and not re_entry:
        because.refuse(
            f"{rulebook.name_of(state)} is already a member (status: {status.status} "
            f"since {status.period.start})",
            status.source,
        )
        return because.ruling()
    body = rulebook.parameter(p.ADMISSION_BODY)
    if body is None:
        rulebook.absent_parameter(p.ADMISSION_BODY, "there is no admission procedure", because)
        return because.ruling()
    because.note(f"the {body} decides on admission", rulebook.source_of(p.ADMISSION_BODY))
    if status is not None and re_entry:
        _note_re_entry(rulebook, state, status, body, because)
    if "admission" in rulebook.parameter(p.ALL_MEMBERS_CONSENT):
        because.note(
            f"admission needs the consent of every member: {', '.join(rulebook.members())}",
            rulebook.source_of(p.ALL_MEMBERS_CONSENT, "admission"),
        )
    return because.ruling(decided_by=body, must_consent=rulebook.members(), re_entry=re_entry)


def _note_re_entry(
    rulebook: Rulebook, state: str, status: StatusPeriod, body: str, because: Because
) -> None:
    was = status.status.replace("_", " ")
    suspended = status.status == "suspended"
    until = f"; it stays suspended until the {body} admits it" if suspended else ""
    because.note(
        f"a re-entry: {rulebook.name_of(state)}, {was} since {status.period.start}, enters "
        f"again through the admission procedure{until}",
        rulebook.source_of(p.RE_ENTRY, status.status),
    )


def rule_on_suspension(rulebook: Rulebook, state: str, decided_by: str) -> Ruling:
    """May ``decided_by`` (a body or a state) suspend ``state`` on this day?"""
    because = Because("suspension", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    body = rulebook.parameter(p.SUSPENSION_BODY)
    if body is None:
        rulebook.absent_parameter(p.SUSPENSION_BODY, "there is no suspension procedure", because)
        return because.ruling()
    cited = rulebook.source_of(p.SUSPENSION_BODY)
    if decided_by != body:
        who = "a state" if decided_by in rulebook.charter.states else f"the {decided_by}"
        because.refuse(
            f"only the {body} suspends a member; {who} may only request a "
            "suspension, and a state cannot suspend itself",
            cited,
        )
        return because.ruling(decided_by=body)
    because.note(f"the {body} decides on suspension", cited)
    require_member(rulebook, state, because, "be suspended")
    return because.ruling(decided_by=body)


@dataclass(frozen=True)
class Withdrawal:
    """When a notice given on the day takes effect, after how many months of notice."""

    effective: dt.date
    notice_months: int
    #: What the member settles before it goes (``membership/withdrawal_obligations``).
    obligations: tuple[str, ...] = ()

    @staticmethod
    def of(ruling: Ruling) -> Withdrawal | None:
        return ruling.answer if isinstance(ruling.answer, Withdrawal) else None

    def details(self) -> Mapping[str, Any]:
        return {
            "effective": self.effective,
            "notice_months": self.notice_months,
            "obligations": self.obligations,
        }


def withdrawal_effective(rulebook: Rulebook, notice: dt.date) -> dt.date | None:
    months = rulebook.parameter(p.WITHDRAWAL_NOTICE_MONTHS)
    return add_months(notice, months) if months is not None else None


def rule_on_withdrawal(rulebook: Rulebook, state: str) -> Ruling:
    """If ``state`` gives notice on this day, when does its withdrawal take effect?"""
    because = Because("withdrawal", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    notice = rulebook.parameter(p.WITHDRAWAL_NOTICE_MONTHS)
    if notice is None:
        rulebook.absent_parameter(p.WITHDRAWAL_NOTICE_MONTHS, "no party may withdraw", because)
        return because.ruling()
    status = rulebook.status(state)
    if status is None or status.status not in ("member", "suspended"):
        because.refuse(
            f"{rulebook.name_of(state)} is not a member on {rulebook.day}, so it has "
            "nothing to withdraw from",
            status.source if status else rulebook.founding.source,
        )
        return because.ruling()
    effective = add_months(rulebook.day, notice)
    because.note(
        f"withdrawal takes effect {notice} months after the notice, on "
        f"{effective}; until then {state} remains a member with its obligations",
        rulebook.source_of(p.WITHDRAWAL_NOTICE_MONTHS),
    )
    obligations = rulebook.parameter(p.WITHDRAWAL_OBLIGATIONS)
    for obligation in obligations:
        because.note(
            f"before it goes, {state} settles the {obligation.replace('_', ' ')}; the treaty "
            "data does not say which they are",
            rulebook.source_of(p.WITHDRAWAL_OBLIGATIONS, obligation),
        )
    return because.ruling(Withdrawal(effective, notice, obligations))


def rule_on_third_party_status(rulebook: Rulebook, state: str, status: str) -> Ruling:
    """May ``state`` be granted observer or partner status on this day?"""
    because = Because("third_party_status", rulebook.day)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling()
    statuses = rulebook.parameter(p.THIRD_PARTY_STATUSES)
    if not statuses:
        rulebook.absent_parameter(p.THIRD_PARTY_STATUSES, f"there is no {status} status", because)
        return because.ruling()
    cited = rulebook.source_of(p.THIRD_PARTY_STATUSES)
    if status not in statuses:
        because.refuse(f"there is no {status} status on {rulebook.day}", cited)
        return because.ruling()
    because.note(f"the {status} status exists", cited)
    if rulebook.status_name(state) in ("member", "suspended"):
        because.refuse(
            f"{rulebook.name_of(state)} is a member; {status} status is for states "
            "and organizations outside",
            cited,
        )
        return because.ruling()
    kind = f"{status}_status"
    if kind in rulebook.parameter(p.ALL_MEMBERS_CONSENT):
        because.note(
            "granted only with the consent of every member",
            rulebook.source_of(p.ALL_MEMBERS_CONSENT, kind),
        )
    return because.ruling(must_consent=rulebook.members())
