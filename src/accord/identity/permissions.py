"""Who may do what, and who may see what: roles, actors and releasability (pure rules)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Protocol

ADMIN, SECRETARIAT, DELEGATION = "admin", "secretariat", "delegation"
JOINT_STAFF, ANALYST, OBSERVER_LIAISON = "joint_staff", "analyst", "observer_liaison"
STAFF = frozenset({ADMIN, SECRETARIAT, JOINT_STAFF, ANALYST})

#: Whom a Secretariat officer may act for, and for whom by default.
SECRETARIAT_ACTS_FOR = frozenset({"chair", "secretary_general"})


class Person(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def state(self) -> str | None: ...


def may_send(person: Person, roles: Collection[str]) -> bool:
    """Whether the person's role is among those a context declares for a command."""
    return str(person.role) in roles


def actor_for(person: Person, on_behalf_of: str | None, bodies: Iterable[str]) -> str | None:
    """The actor a person's command is sent as, or None if the person may not act for it.

    A delegation acts for its own state only; a Secretariat officer for the chair, the
    Secretary General or a body; the Joint Staff as itself; an analyst as the Crisis
    Response Centre; an administrator for anyone.
    """
    role = str(person.role)
    if role == DELEGATION:
        return person.state if on_behalf_of in (None, person.state) else None
    if role == JOINT_STAFF:
        return "JOINT_STAFF" if on_behalf_of in (None, "JOINT_STAFF") else None
    if role == ANALYST:
        # Analysts work in the Secretariat's Crisis Response Centre (R-CRC).
        centre = "CRISIS_RESPONSE_CENTRE"
        return centre if on_behalf_of in (None, centre) else None
    if role == SECRETARIAT:
        allowed = SECRETARIAT_ACTS_FOR | set(bodies)
        chosen = on_behalf_of or "chair"
        return chosen if chosen in allowed else None
    if role == ADMIN:
        return on_behalf_of or "chair"
    return None


def may_see(
    person: Person,
    classification: str,
    requester: str,
    releasable_to: Iterable[str],
    members: Iterable[str],
) -> bool:
    """Need to know: public to all; restricted to staff and the states it is released to
    (every member when no list is given); confidential to the Secretariat and the states
    named (the requester alone when none are)."""
    role = str(person.role)
    released = set(releasable_to)
    if classification == "public":
        return True
    if role in (ADMIN, SECRETARIAT):
        return True
    if role != DELEGATION:
        return classification == "restricted" and role in STAFF
    readers = released | {requester}
    if classification == "restricted" and not released:
        readers |= set(members)
    return person.state in readers


def may_read_journal(person: Person) -> bool:
    return str(person.role) in (ADMIN, SECRETARIAT)
