"""The message bus: each command to its one handler, each event to its policies, one entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.journal.model import Entry
from accord.kernel.messages import Actor, Command, Event
from accord.rules.ruling import Ruling
from accord.service.context import Context
from accord.service.unit_of_work import UnitOfWork

CommandHandler = Callable[[Command, Context], Ruling]
Policy = Callable[[Event, Context], None]


@dataclass(frozen=True)
class Result:
    """A handled command: its ruling, the events it caused and its journal entry."""

    ruling: Ruling
    events: tuple[Event, ...]
    entry: Entry
    created: Mapping[str, str] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return self.ruling.allowed


class MessageBus:
    def __init__(
        self,
        uow: UnitOfWork,
        command_handlers: Mapping[type[Command], CommandHandler],
        policies: Mapping[type[Event], Sequence[Policy]],
    ) -> None:
        self.uow = uow
        self.command_handlers = command_handlers
        self.policies = policies

    def handle(self, command: Command, actor: Actor, at: dt.datetime) -> Result:
        """Ask the rules, then journal the command and apply its events, all or nothing.

        A refused command changes nothing but the journal, which records the refusal.
        Input that breaks a rule of form raises before anything is recorded.
        """
        handler = self.command_handlers[type(command)]
        with self.uow.transaction():
            context = Context(self.uow.world, actor, at)
            ruling = handler(command, context)
            events = self._with_consequences(context) if ruling.allowed else []
            entry = Entry(
                seq=len(self.uow.journal) + 1,
                at=at.isoformat(),
                actor=actor.id,
                command=command.type_name,
                payload=command.to_dict(),
                allowed=ruling.allowed,
                articles=list(ruling.articles),
                reasons=[reason.text for reason in ruling.reasons],
                events=[{"name": e.type_name, "data": e.to_dict()} for e in events],
                prev=self.uow.journal.last_hash,
            ).sealed()
            self.uow.commit(entry, events)
        return Result(ruling, tuple(events), entry, _created(events))

    def _with_consequences(self, context: Context) -> list[Event]:
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


#: The events that create a record, and the field holding the new record's id.
CREATING_EVENTS = {
    "request_filed": ("case", "case_id"),
    "session_convened": ("session", "session_id"),
    "draft_tabled": ("draft", "draft_id"),
    "forces_deployed": ("deployment", "deployment_id"),
    "unit_pledged": ("unit", "unit_id"),
}


def _created(events: Sequence[Event]) -> dict[str, str]:
    created: dict[str, str] = {}
    for event in events:
        if event.type_name in CREATING_EVENTS:
            kind, key = CREATING_EVENTS[event.type_name]
            created.setdefault(kind, getattr(event, key))
    return created
