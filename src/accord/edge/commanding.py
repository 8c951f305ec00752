"""Sending a command for the caller: the role's permission, the actor, the ruling's answer.

A route awaits ``send``: the edge's checks read the immutable world on the event loop, and the
writer's answer is awaited, not waited for in a worker thread (one hop less per command)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi.responses import JSONResponse

from accord.edge.problems import CommandOut, problem
from accord.edge.sending import Sent, admit
from accord.identity.model import Principal
from accord.journal.model import Entry
from accord.kernel.messages import Command
from accord.service.bus import Result
from accord.service.runtime import Accord


@dataclass(frozen=True)
class Sender:
    """Sends commands for one request's caller, with the request's Idempotency-Key."""

    accord: Accord
    principal: Principal
    idempotency_key: str | None = None

    async def __call__(self, command: Command, on_behalf_of: str | None = None) -> Any:
        return await send(self.accord, self.principal, command, on_behalf_of, self.idempotency_key)


async def send(
    accord: Accord,
    principal: Principal,
    command: Command,
    on_behalf_of: str | None = None,
    idempotency_key: str | None = None,
) -> Any:
    """201 with the journal entry, 422 with the ruling, 403 (journaled) when not permitted."""
    admitted = admit(accord, principal, command, on_behalf_of, idempotency_key)
    if isinstance(admitted, Sent):
        sent = admitted
    else:
        a = admitted
        sent = a.sent(await accord.handle_soon(a.command, a.actor, a.at, a.request_key))
    return answer(sent)


def answer(sent: Sent) -> Any:
    """201 with the journal entry, 422 with the ruling, 403 when not permitted."""
    if sent.result is None:
        return problem(403, sent.forbidden)
    body = command_out(sent.result)
    if sent.key_reused:
        return problem(422, "this Idempotency-Key was used for a different request")
    if not sent.result.allowed:
        return problem(422, "refused by the rules", body)
    return JSONResponse(status_code=201, content=body.model_dump(mode="json"))


def command_out(result: Result) -> CommandOut:
    entry: Entry = result.entry
    return CommandOut(
        journal_seq=entry.seq,
        journal_hash=entry.hash,
        command=entry.command,
        allowed=entry.allowed,
        articles=entry.articles,
        reasons=entry.reasons,
        details=entry.details,
        created=dict(result.created),
        replayed=result.replay,
    )
