"""Sending a command for the caller: the role's permission, the actor, the ruling's answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi.responses import JSONResponse

from accord.entrypoints.problems import CommandOut, problem
from accord.identity.model import Principal
from accord.identity.permissions import actor_for, may_send
from accord.journal.model import Entry
from accord.kernel.messages import Actor, Command
from accord.rules.ruling import Because
from accord.service.actors import resolve_actor
from accord.service.bus import Result
from accord.service.runtime import Accord


@dataclass(frozen=True)
class Sender:
    """Sends commands for one request's caller, with the request's Idempotency-Key."""

    accord: Accord
    principal: Principal
    idempotency_key: str | None = None

    def __call__(self, command: Command, on_behalf_of: str | None = None) -> Any:
        return send(self.accord, self.principal, command, on_behalf_of, self.idempotency_key)


def send(
    accord: Accord,
    principal: Principal,
    command: Command,
    on_behalf_of: str | None = None,
    idempotency_key: str | None = None,
) -> Any:
    """201 with the journal entry, 422 with the ruling, 403 (journaled) when not permitted."""
    at = accord.now()
    who = actor_for(principal, on_behalf_of, accord.uow.world.charter().bodies)
    if not may_send(principal, command.type_name) or who is None:
        deny(accord, principal, command, on_behalf_of)
        acting = f" for {on_behalf_of}" if on_behalf_of else ""
        return problem(403, f"a {principal.role} user may not send {command.type_name}{acting}")
    actor = resolve_actor(accord.uow.world, who, at.date())
    request_key = f"{principal.user_id}:{idempotency_key}" if idempotency_key else None
    result = accord.bus.handle(command, actor, at, request_key)
    body = command_out(result)
    if result.replay and result.entry.payload != command.to_dict():
        return problem(422, "this Idempotency-Key was used for a different request")
    if not result.allowed:
        return problem(422, "refused by the rules", body)
    return JSONResponse(status_code=201, content=body.model_dump(mode="json"))


def command_out(result: Result) -> CommandOut:
    entry: Entry = result.entry
    return CommandOut(
        journal_seq=entry.seq,
        command=entry.command,
        allowed=entry.allowed,
        articles=entry.articles,
        reasons=entry.reasons,
        details=entry.details,
        created=dict(result.created),
        replayed=result.replay,
    )


def deny(
    accord: Accord, principal: Principal, command: Command | str, on_behalf_of: str | None = None
) -> None:
    """Every refusal by permission is journaled, like a refusal by the rules."""
    name = command if isinstance(command, str) else command.type_name
    because = Because("permission", accord.now().date())
    because.refuse(
        f"user {principal.name} ({principal.role}) may not {name}"
        + (f" for {on_behalf_of}" if on_behalf_of else "")
    )
    accord.bus.record_refusal(
        name,
        Actor(principal.name, principal.state, principal.role),
        accord.now(),
        because.ruling(),
        {"on_behalf_of": on_behalf_of} if on_behalf_of else {},
    )
