"""Who acts: a principal, its role, and the one state a delegation speaks for."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from accord.kernel.errors import InvalidInput
from accord.rules.states import state_codes


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
        if state not in state_codes():
            raise InvalidInput(
                "state", f"{state!r} is not a state's ISO 3166-1 alpha-3 code (in capitals)"
            )
    elif state is not None:
        raise InvalidInput("state", f"only a delegation is bound to a state, not {role}")
