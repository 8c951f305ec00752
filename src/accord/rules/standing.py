"""Whether a state may act in the Organization on a day: member, suspended, frozen, outside."""

from __future__ import annotations

from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because


def require_member(rulebook: Rulebook, code: str, because: Because, acting: str) -> bool:
    """Refuse unless ``code`` is a member in good standing; note a frozen participation."""
    status = rulebook.status(code)
    name = rulebook.name_of(code)
    if status is None:
        because.refuse(
            f"{name} ({code}) is not a party on {rulebook.day}, so it cannot {acting}",
            rulebook.founding.source,
        )
        return False
    if status.status == "suspended":
        because.refuse(
            f"{name} is suspended since {status.period.since}: it takes no part in "
            f"the Organization's activities and cannot {acting}",
            status.source,
        )
        return False
    if status.status != "member":
        because.refuse(
            f"{name} is not a member on {rulebook.day} (status: {status.status} "
            f"since {status.period.since}), so it cannot {acting}",
            status.source,
        )
        return False
    frozen = rulebook.frozen(code)
    if frozen is not None:
        because.note(
            f"{name} declared its participation frozen on {frozen.period.since}; "
            "that is not a Charter status: it keeps its rights, its veto and its "
            "obligations",
            frozen.source,
        )
    return True
