"""Who may do what, and who may see what: roles, actors and releasability (pure rules)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

ADMIN, SECRETARIAT, DELEGATION = "admin", "secretariat", "delegation"
JOINT_STAFF, ANALYST, OBSERVER_LIAISON = "joint_staff", "analyst", "observer_liaison"
STAFF = frozenset({ADMIN, SECRETARIAT, JOINT_STAFF, ANALYST})

#: The roles that may send each command; the rules then decide whether it is allowed.
COMMAND_ROLES: dict[str, frozenset[str]] = {
    "file_request": frozenset({DELEGATION, ADMIN}),
    "prepare_request": frozenset({ANALYST, ADMIN}),
    "record_event_file": frozenset({ANALYST, ADMIN}),
    "withdraw_request": frozenset({DELEGATION, ADMIN}),
    "notify_un_security_council": frozenset({SECRETARIAT, DELEGATION, ADMIN}),
    "deploy": frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
    "withdraw_forces": frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
    "close_case": frozenset({SECRETARIAT, DELEGATION, ADMIN}),
    "convene_session": frozenset({SECRETARIAT, ADMIN}),
    "table_draft": frozenset({SECRETARIAT, DELEGATION, ADMIN}),
    "state_position": frozenset({DELEGATION, ADMIN}),
    "close_draft": frozenset({SECRETARIAT, ADMIN}),
    "apply_for_membership": frozenset({DELEGATION, ADMIN}),
    "notify_withdrawal": frozenset({DELEGATION, ADMIN}),
    "declare_participation_frozen": frozenset({DELEGATION, ADMIN}),
    "request_suspension": frozenset({DELEGATION, ADMIN}),
    "grant_status": frozenset({SECRETARIAT, ADMIN}),
    # The Secretariat records instruments and, as depositary, an organization's own acts.
    "record_instrument": frozenset({SECRETARIAT, ADMIN}),
    "sign_instrument": frozenset({DELEGATION, SECRETARIAT, ADMIN}),
    "ratify": frozenset({DELEGATION, SECRETARIAT, ADMIN}),
    "accede": frozenset({DELEGATION, ADMIN}),
    # A state applies through its delegation; the Secretariat records an organization's letter.
    "apply_for_status": frozenset({DELEGATION, SECRETARIAT, ADMIN}),
    "consent_to_status": frozenset({DELEGATION, ADMIN}),
    "pledge_unit": frozenset({DELEGATION, ADMIN}),
    "change_pledge": frozenset({DELEGATION, ADMIN}),
    "withdraw_pledge": frozenset({DELEGATION, ADMIN}),
    "record_verification_visit": frozenset({JOINT_STAFF, ADMIN}),
    "state_requirements": frozenset({JOINT_STAFF, ADMIN}),
    # The Joint Staff plans exercises; the plan takes effect by a body's decision, which the
    # Secretariat records too; a host's delegation may cancel an exercise on its territory.
    "propose_exercise_plan": frozenset({JOINT_STAFF, ADMIN}),
    "adopt_exercise_plan": frozenset({JOINT_STAFF, SECRETARIAT, ADMIN}),
    "change_exercise": frozenset({JOINT_STAFF, DELEGATION, ADMIN}),
    "record_lessons": frozenset({JOINT_STAFF, ADMIN}),
    "record_operation_stage": frozenset({SECRETARIAT, JOINT_STAFF, ADMIN}),
    "record_operation_results": frozenset({DELEGATION, SECRETARIAT, ADMIN}),
}
#: Whom a Secretariat officer may act for, and for whom by default.
SECRETARIAT_ACTS_FOR = frozenset({"chair", "secretary_general"})


class Person(Protocol):
    @property
    def role(self) -> str: ...
    @property
    def state(self) -> str | None: ...


def may_send(person: Person, command: str) -> bool:
    return str(person.role) in COMMAND_ROLES.get(command, frozenset())


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
