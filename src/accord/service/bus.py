"""The message bus: each command to its one handler, each event to its policies, one entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accord.journal.model import Entry
from accord.kernel.messages import Actor, Command, Event
from accord.rules.ruling import Reason, Ruling
from accord.service.call import Call
from accord.service.world import Layout

if TYPE_CHECKING:
    from accord.service.assembly import Assembly
from accord.service.unit_of_work import UnitOfWork, replayed_events

CommandHandler = Callable[[Command, Call], Ruling]
Policy = Callable[[Event, Call], None]


@dataclass(frozen=True)
class Result:
    """A handled command: its ruling, the events it caused and its journal entry."""

    ruling: Ruling
    events: tuple[Event, ...]
    entry: Entry
    created: Mapping[str, str] = field(default_factory=dict)
    replay: bool = False

    @property
    def allowed(self) -> bool:
        return self.ruling.allowed

    @classmethod
    def replayed(cls, entry: Entry, layout: Layout) -> Result:
        """The result of a command handled before, rebuilt from its journal entry."""
        events = tuple(replayed_events(entry, layout))
        ruling = Ruling(
            entry.command,
            dt.date.fromisoformat(entry.at[:10]),
            entry.allowed,
            tuple(Reason(text) for text in entry.reasons),
            entry.details,
        )
        return cls(ruling, events, entry, _created(events), replay=True)


class MessageBus:
    def __init__(
        self,
        uow: UnitOfWork,
        assembly: Assembly,
    ) -> None:
        """Every declared context's handlers and policies on one bus; the edge reads the rest
        of the declarations (roles, classified fields) from ``assembly``."""
        self.uow = uow
        self.assembly = assembly
        self.command_handlers: Mapping[type[Command], CommandHandler] = assembly.handlers
        self.policies: Mapping[type[Event], Sequence[Policy]] = assembly.policies

    def handle(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result:
        """Handle one command in a transaction of its own (the writer groups them instead)."""
        with self.uow.transaction():
            return self.handle_within(command, actor, at, request_key)

    def handle_within(
        self, command: Command, actor: Actor, at: dt.datetime, request_key: str | None = None
    ) -> Result:
        """Ask the rules, then journal the command and apply its events, all or nothing,
        inside the open transaction.

        A refused command changes nothing but the journal, which records the refusal.
        Input that breaks a rule of form raises before anything is recorded. A command with a
        ``request_key`` already in the journal is not handled again: its entry is returned.
        """
        handler = self.command_handlers[type(command)]
        previous = self.uow.find(request_key) if request_key else None
        if previous is not None:
            return Result.replayed(previous, self.uow.world.layout)
        context = Call(self.uow.world, actor, at)
        ruling = handler(command, context)
        events = self._with_consequences(context) if ruling.allowed else []
        entry = self._entry(
            command.type_name, command.to_dict(), actor, at, ruling, events, request_key
        )
        self.uow.commit(entry, events)
        return Result(ruling, tuple(events), entry, _created(events))

    def record_refusal_within(
        self,
        command: str,
        actor: Actor,
        at: dt.datetime,
        ruling: Ruling,
        payload: dict[str, Any] | None = None,
    ) -> Entry:
        """Journal a refusal decided outside the rules, inside the open transaction."""
        entry = self._entry(command, payload or {}, actor, at, ruling, [], None)
        self.uow.commit(entry, [])
        return entry

    def _entry(
        self,
        command: str,
        payload: dict[str, Any],
        actor: Actor,
        at: dt.datetime,
        ruling: Ruling,
        events: Sequence[Event],
        request_key: str | None,
    ) -> Entry:
        """The next journal entry, sealed onto the last one (inside the transaction)."""
        return Entry(
            seq=len(self.uow.journal) + 1,
            at=at.isoformat(),
            actor=actor.id,
            command=command,
            payload=payload,
            allowed=ruling.allowed,
            articles=list(ruling.articles),
            reasons=[reason.text for reason in ruling.reasons],
            events=[{"name": e.type_name, "data": e.to_dict()} for e in events],
            details=_details(ruling),
            request_key=request_key,
            prev=self.uow.journal.last_hash,
        ).sealed()

    def _with_consequences(self, context: Call) -> list[Event]:
        """The handler's events, then whatever the policies add for each, in order."""
        done: list[Event] = []
        queue = list(context.events)
        while queue:
            event = queue.pop(0)
            done.append(event)
            context.events = []
            for policy in self.policies.get(type(event), ()):
                policy(event, context)
            queue = context.events + queue
        return done


def _created(events: Sequence[Event]) -> dict[str, str]:
    created: dict[str, str] = {}
    for event in events:
        if event.creates is not None:
            kind, key = event.creates
            created.setdefault(kind, getattr(event, key))
    return created


_RULING_HEAD = {"question", "as_of", "allowed", "articles", "reasons"}


def _details(ruling: Ruling) -> dict[str, Any]:
    return {k: v for k, v in ruling.to_dict().items() if k not in _RULING_HEAD}
