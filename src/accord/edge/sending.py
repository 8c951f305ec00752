"""Sending a command for a signed-in person, the same for the API and the CLI: the records it
names (a record not released to the person is answered as a missing one), the role's
permission, the actor it acts as, and the journal entry (a refusal by permission included)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import TypeAdapter, ValidationError

from accord.edge.releases import Kind, Unreleased, find_released, named_records
from accord.identity.model import Principal
from accord.identity.permissions import actor_for, may_send
from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Actor, Command
from accord.rules.bounds import Key, RetryKey
from accord.rules.checking import problems, within_bounds
from accord.rules.ruling import Because, Ruling
from accord.service.actors import resolve_actor
from accord.service.bus import MessageBus, Result
from accord.service.world import World


class Runtime(Protocol):
    """What the edge sends through: the server's Accord (service.runtime), or a scenario's
    Accord in memory (simulation.runtime); both hand commands to the same bus and rules."""

    @property
    def world(self) -> World: ...
    @property
    def bus(self) -> MessageBus: ...
    def now(self) -> dt.datetime: ...
    def handle(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result: ...
    def record_refusal(
        self, command: str, actor: Actor, at: dt.datetime, ruling: Ruling, payload: dict[str, Any]
    ) -> object: ...


@dataclass(frozen=True)
class Sent:
    """What became of a command: handled (allowed or refused by the rules), or not permitted."""

    result: Result | None  # None when the person may not send it
    forbidden: str = ""  # why not, when not permitted
    refusal: Ruling | None = None  # the journaled refusal, when not permitted
    #: The Idempotency-Key had been used for a different command: nothing was applied.
    key_reused: bool = False


@dataclass(frozen=True)
class Admitted:
    """A command the edge lets through: who it is handled as, when, under which key."""

    command: Command
    actor: Actor
    at: dt.datetime
    request_key: str | None

    def sent(self, result: Result) -> Sent:
        reused = result.replay and result.entry.payload != self.command.to_dict()
        return Sent(result, key_reused=reused)


def admit(
    accord: Runtime,
    principal: Principal,
    command: Command,
    on_behalf_of: str | None = None,
    idempotency_key: str | None = None,
    at: dt.datetime | None = None,
) -> Admitted | Sent:
    """The edge's checks: the command to hand to the writer, or its journaled refusal by
    permission. Raises InvalidInput for a field out of its bound (nothing sent, nothing
    journaled); NotFound, before the permission is asked, for a record the command names that
    does not exist or is not released to ``principal`` (that denial is journaled).

    ``at`` is now, but for a scenario, whose steps carry their own instants."""
    command = within_bounds(command)
    check_sending(on_behalf_of, idempotency_key)
    at, world = at or accord.now(), accord.world
    for kind, record_id in named_records(command, accord.bus.assembly.classified):
        released(accord, world, principal, kind, record_id, command.type_name, at)
    who = actor_for(principal, on_behalf_of, world.charter().bodies)
    if not may_send(principal, accord.bus.assembly.roles_for(command.type_name)) or who is None:
        refusal = deny(accord, principal, command, on_behalf_of, at)
        acting = f" for {on_behalf_of}" if on_behalf_of else ""
        why = f"a {principal.role} user may not send {command.type_name}{acting}"
        return Sent(None, why, refusal)
    request_key = f"{principal.user_id}:{idempotency_key}" if idempotency_key else None
    return Admitted(command, resolve_actor(world, who, at.date()), at, request_key)


def send_as(
    accord: Runtime,
    principal: Principal,
    command: Command,
    on_behalf_of: str | None = None,
    idempotency_key: str | None = None,
    at: dt.datetime | None = None,
) -> Sent:
    """``admit``, then the writer's answer (waiting for it: the CLI's and the scenarios' way;
    the API awaits it instead, edge.commanding)."""
    admitted = admit(accord, principal, command, on_behalf_of, idempotency_key, at)
    if isinstance(admitted, Sent):
        return admitted
    a = admitted
    return a.sent(accord.handle(a.command, a.actor, a.at, a.request_key))


def check_sending(on_behalf_of: str | None, idempotency_key: str | None) -> None:
    """Whom a command is sent for and its retry key are bounded like a command's fields."""
    for field, bound, value in (
        ("on_behalf_of", _ON_BEHALF_OF, on_behalf_of),
        ("idempotency_key", _RETRY_KEY, idempotency_key),
    ):
        if value is not None:
            try:
                bound.validate_python(value)
            except ValidationError as error:
                raise InvalidInput(field, problems(error)[0][1]) from None


_ON_BEHALF_OF: TypeAdapter[str] = TypeAdapter(Key)
_RETRY_KEY: TypeAdapter[str] = TypeAdapter(RetryKey)


def released(
    accord: Runtime,
    world: World,
    principal: Principal,
    kind: Kind,
    record_id: str,
    doing: str,
    at: dt.datetime | None = None,
) -> Any:
    """The record if ``principal`` may see it; else NotFound, the same whether it is missing
    or hidden, and a hidden one's denial journaled as ``doing`` the record."""
    at = at or accord.now()
    try:
        return find_released(world, principal, at.date(), kind, record_id)
    except Unreleased:
        deny(accord, principal, f"{doing} {record_id}", at=at)
        raise


def deny(
    accord: Runtime,
    principal: Principal,
    command: Command | str,
    on_behalf_of: str | None = None,
    at: dt.datetime | None = None,
) -> Ruling:
    """Every refusal by permission is journaled, like a refusal by the rules; the server
    journals it without making the caller wait for the write (Accord.record_refusal)."""
    at = at or accord.now()
    name = command if isinstance(command, str) else command.type_name
    because = Because("permission", at.date())
    because.refuse(
        f"user {principal.name} ({principal.role}) may not {name}"
        + (f" for {on_behalf_of}" if on_behalf_of else "")
    )
    ruling = because.ruling()
    accord.record_refusal(
        name,
        Actor(principal.name, principal.state, principal.role),
        at,
        ruling,
        {"on_behalf_of": on_behalf_of} if on_behalf_of else {},
    )
    return ruling
