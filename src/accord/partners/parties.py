"""Who may be a party, and who acts for one: a state for itself, the Secretariat for an
organization."""

from __future__ import annotations

import re

from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Actor
from accord.partners.organizations import organizations_of
from accord.rules.charter import Charter
from accord.rules.ruling import Because
from accord.service.actors import CHAIR, SECRETARY_GENERAL
from accord.service.call import Call

_STATE = re.compile(r"^[A-Z]{3}$")
#: The Secretariat's own body ids; its officers act as the chair by default (SECRETARIAT_ACTS_FOR).
SECRETARIAT_BODIES = frozenset({"SECRETARIAT", "SG"})


def organization_ids(charter: Charter) -> set[str]:
    """The partner organizations, and the Organization itself (``CSTO``)."""
    return {*organizations_of(charter), charter.id.upper()}


def is_organization(charter: Charter, party: str) -> bool:
    return party in organization_ids(charter)


def checked_party(charter: Charter, party: str, field: str) -> str:
    """A state code or an organization id, upper-cased; anything else is bad input."""
    code = party.strip().upper()
    if is_organization(charter, code) or _STATE.match(code):
        return code
    known = ", ".join(sorted(organization_ids(charter)))
    raise InvalidInput(
        field, f"{party!r} is neither a state (ISO alpha-3) nor an organization ({known})"
    )


def is_secretariat(actor: Actor) -> bool:
    """The Secretariat, the Secretary General, or an officer acting as the chair."""
    return actor.role in (CHAIR, SECRETARY_GENERAL) or actor.id in SECRETARIAT_BODIES


def acting_party(context: Call, because: Because, named: str | None, doing: str) -> str | None:
    """The party an act is for: a state acts for itself; the Secretariat, as depositary,
    records the act of an organization it names. None (and a refusal) otherwise."""
    charter, actor = context.world.charter(), context.actor
    if actor.role == "state" and actor.state is not None:
        if is_organization(charter, actor.state):
            because.refuse(f"{actor.state} is an organization: the Secretariat records its acts")
            return None
        if named is None or named.strip().upper() == actor.state:
            return actor.state
        because.refuse(f"{actor.state} acts for itself only in {doing}, not for {named}")
        return None
    if not is_secretariat(actor):
        because.refuse(f"{doing} is for a party or the Secretariat, not for {actor.id}")
        return None
    if named is None:
        because.refuse(f"the Secretariat records the {doing} of an organization: name the party")
        return None
    party = checked_party(charter, named, "party")
    if not is_organization(charter, party):
        because.refuse(f"{party} is a state: a state does its own {doing}, through its delegation")
        return None
    return party
