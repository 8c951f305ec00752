"""The people behind a scenario's ``by``, and the Accord in memory they send through: a
scenario passes the same edge as the API and the CLI (the records it may see, its role's
permission, the actor it acts as, the journal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accord.cases.preparation import CRISIS_RESPONSE_CENTRE
from accord.identity.model import Principal, Role
from accord.journal.model import Entry
from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Actor, Command
from accord.rules.ruling import Ruling
from accord.service.actors import CHAIR, SECRETARY_GENERAL, STATE_CODE
from accord.service.bus import MessageBus, Result
from accord.service.world import World

JOINT_STAFF = "JOINT_STAFF"


@dataclass(frozen=True)
class Sender:
    """Who sends a step: a person of a role, and the actor they act for (None: themselves)."""

    principal: Principal
    on_behalf_of: str | None = None


def sender_for(by: str, bodies: Iterable[str]) -> Sender:
    """A state's step is its delegation's; the chair's, the Secretary General's and a body's
    are the Secretariat's, acting for them; the Joint Staff and the Crisis Response Centre
    (the analysts) act as themselves."""
    # The Joint Staff and the Centre are bodies of the charter too, but people of their own.
    if by == JOINT_STAFF:
        return Sender(Principal("scenario-joint-staff", "joint-staff", Role.JOINT_STAFF, None))
    if by == CRISIS_RESPONSE_CENTRE:
        return Sender(Principal("scenario-analyst", "analyst", Role.ANALYST, None))
    if by in (CHAIR, SECRETARY_GENERAL) or by in set(bodies):
        return Sender(Principal("scenario-secretariat", "secretariat", Role.SECRETARIAT, None), by)
    # After the bodies: CSC, CFM and CDM are three capital letters too.
    if STATE_CODE.match(by):
        return Sender(Principal(f"scenario-{by}", f"delegation-{by}", Role.DELEGATION, by))
    raise InvalidInput(
        "by",
        f"{by!r} is not a state (ISO alpha-3), chair, secretary_general, {JOINT_STAFF}, "
        f"{CRISIS_RESPONSE_CENTRE} or a body ({', '.join(sorted(bodies))})",
    )


@dataclass(frozen=True)
class InMemoryRuntime:
    """A fresh Accord in memory: one transaction per command, as a scenario runs alone."""

    bus: MessageBus

    @property
    def world(self) -> World:
        return self.bus.uow.world

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)

    def handle(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result:
        return self.bus.handle(command, actor, at, request_key)

    def record_refusal(
        self, command: str, actor: Actor, at: dt.datetime, ruling: Ruling, payload: dict[str, Any]
    ) -> Entry:
        with self.bus.uow.transaction():
            return self.bus.record_refusal_within(command, actor, at, ruling, payload)
