"""Who acts: a principal, its role, and the one state a delegation speaks for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from accord.kernel.errors import InvalidInput


class Role(StrEnum):
    ADMIN = "admin"
    SECRETARIAT = "secretariat"
    DELEGATION = "delegation"
    JOINT_STAFF = "joint_staff"
    ANALYST = "analyst"
    OBSERVER_LIAISON = "observer_liaison"
    PUBLIC = "public"


#: Roles that work for the Organization itself rather than for one state or the public.
STAFF_ROLES = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.JOINT_STAFF, Role.ANALYST})

_STATE_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Principal:
    user_id: str
    name: str
    role: Role
    state: str | None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES


def parse_role(text: str) -> Role:
    """The role named by ``text``, or InvalidInput listing the roles there are."""
    try:
        return Role(text)
    except ValueError:
        raise InvalidInput("role", f"must be one of {', '.join(Role)}") from None


def check_binding(role: Role, state: str | None) -> None:
    """Refuse a delegation without exactly one state, and any other role with a state."""
    if role is Role.DELEGATION:
        if not state:
            raise InvalidInput("state", "a delegation is bound to one member state")
        if not _STATE_CODE.match(state):
            raise InvalidInput("state", "an ISO 3166-1 alpha-3 code (three capital letters)")
    elif state is not None:
        raise InvalidInput("state", f"only a delegation is bound to a state, not {role}")
