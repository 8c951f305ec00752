"""Each context declares itself once, and Accord is assembled from the list: a new context is
one declaration and one line; declarations that contradict each other stop Accord at start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest

from accord.contexts import CONTEXTS, assembly
from accord.journal.store import InMemoryJournal
from accord.kernel.messages import Actor, Command, Event
from accord.rules.ruling import Ruling
from accord.service.assembly import DeclarationError, assemble
from accord.service.bus import MessageBus
from accord.service.call import Call
from accord.service.contexts import Context, Core, Part, events_in
from accord.service.replay import rebuild_world
from accord.service.unit_of_work import InMemoryUnitOfWork
from accord.service.world import World

AT = dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class RecordBriefing(Command):
    topic: str


@dataclass(frozen=True)
class BriefingRecorded(Event):
    creates = ("briefing", "topic")

    topic: str


def record_briefing(command: RecordBriefing, call: Call) -> Ruling:
    because = call.because("record_briefing")
    because.note("a briefing is only noted")
    call.emit(BriefingRecorded(command.topic))
    return because.ruling()


def _noted(briefings: tuple[str, ...], event: Event) -> tuple[str, ...] | None:
    return (*briefings, event.topic) if isinstance(event, BriefingRecorded) else None


BRIEFINGS: Part[tuple[str, ...]] = Part("briefings", tuple, _noted)


def briefings_core() -> Core:
    return Core(
        handlers={RecordBriefing: record_briefing},
        roles={RecordBriefing: frozenset({"secretariat"})},
        events=(BriefingRecorded,),
        parts=(BRIEFINGS,),
    )


BRIEFINGS_CONTEXT = Context("briefings", core=briefings_core)


def test_a_new_context_is_one_declaration_added_to_the_list(csto):
    together = assemble((*CONTEXTS, BRIEFINGS_CONTEXT))
    journal = InMemoryJournal()
    bus = MessageBus(InMemoryUnitOfWork(World.empty(csto, together.layout), journal), together)

    result = bus.handle(RecordBriefing("border"), Actor("chair"), AT)

    assert result.allowed
    assert result.created == {"briefing": "border"}
    assert bus.uow.world[BRIEFINGS] == ("border",)
    assert bus.assembly.roles_for("record_briefing") == frozenset({"secretariat"})
    assert together.verbs["record_briefing"] is RecordBriefing
    replayed = rebuild_world(World.empty(csto, together.layout), journal.entries())
    assert replayed[BRIEFINGS] == ("border",)


def test_every_declared_command_has_its_roles_and_every_event_a_part_that_applies_it():
    assembled = assembly()
    assert set(assembled.roles) == set(assembled.commands)
    assert all(assembled.roles.values())
    assert {part.name for part in assembled.layout.parts} >= {"cases", "membership", "units"}
    assert "request_filed" in assembled.layout.event_types


def test_a_command_no_role_may_send_stops_the_assembly():
    core = briefings_core()
    silent = Context("briefings", core=lambda: replace(core, roles={}))
    with pytest.raises(DeclarationError, match="briefings: no role may send record_briefing"):
        assemble((*CONTEXTS, silent))


def test_a_command_two_contexts_handle_stops_the_assembly():
    twice = Context("again", core=briefings_core)
    with pytest.raises(DeclarationError, match="record_briefing is handled by another context"):
        assemble((BRIEFINGS_CONTEXT, twice))


def test_a_part_declared_twice_stops_the_assembly():
    core = briefings_core()
    other = Context("other", core=lambda: replace(core, handlers={}, roles={}, events=()))
    with pytest.raises(DeclarationError, match="the part 'briefings' is declared twice"):
        assemble((BRIEFINGS_CONTEXT, other))


def test_events_in_finds_the_events_a_module_defines_and_not_those_it_imports():
    from accord.cases import events

    found = events_in(events)
    assert events.RequestFiled in found
    assert Event not in found
    assert all(kind.__module__ == events.__name__ for kind in found)
