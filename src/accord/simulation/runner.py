"""Replay a scenario on a fresh Accord in memory, through the same handlers as the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.bootstrap import in_memory_bus
from accord.journal.store import EntrySource, InMemoryJournal, JsonLinesJournal
from accord.journal.verify import verify
from accord.kernel.errors import InvalidInput, NotFound
from accord.kernel.messages import Command
from accord.rules.charter import Charter
from accord.rules.ruling import Ruling
from accord.service.actors import resolve_actor
from accord.service.bus import MessageBus, Result
from accord.simulation.expectations import Situation, check_keys, failures
from accord.simulation.scenario import Scenario, ScenarioError, Step
from accord.simulation.verbs import build_command


@dataclass(frozen=True)
class StepReport:
    number: int
    at: dt.datetime
    by: str | None
    do: str
    name: str | None
    ruling: Ruling | None
    created: str | None
    failures: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class ScenarioReport:
    name: str
    steps: list[StepReport] = field(default_factory=list)
    final_failures: list[str] = field(default_factory=list)
    journal_entries: int = 0
    journal_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            all(s.ok for s in self.steps) and not self.final_failures and not self.journal_problems
        )


def run_scenario(
    scenario: Scenario,
    charter: Charter,
    journal: EntrySource | None = None,
    bus: MessageBus | None = None,
) -> ScenarioReport:
    """Run every step in order; a malformed step raises ScenarioError naming it."""
    if bus is None:
        own = InMemoryJournal() if journal is None else journal
        assert isinstance(own, InMemoryJournal | JsonLinesJournal), "an in-memory bus appends"
        journal, bus = own, in_memory_bus(charter, own)
    elif journal is None:
        raise ValueError("a bus of your own comes with the journal it writes, to verify it")
    names: dict[str, str] = {}
    report = ScenarioReport(scenario.name)
    for step in scenario.steps:
        report.steps.append(_run_step(bus, step, names))
    last = scenario.steps[-1].at
    check_keys(0, scenario.final, has_ruling=False)
    report.final_failures = failures(
        scenario.final, Situation(bus.uow.world, last.date(), None, names, None)
    )
    verification = verify(journal.entries())
    report.journal_entries, report.journal_problems = verification.entries, verification.problems
    return report


def _run_step(bus: MessageBus, step: Step, names: dict[str, str]) -> StepReport:
    world = bus.uow.world
    if step.do == "check":
        if step.given or step.name:
            raise ScenarioError(step.number, "a check takes no 'with' and no 'as'")
        check_keys(step.number, step.expect, has_ruling=False)
        found = failures(step.expect, Situation(world, step.at.date(), None, names, None))
        return StepReport(step.number, step.at, step.by, step.do, None, None, None, tuple(found))
    command = build_command(step, names)
    check_keys(step.number, step.expect, has_ruling=True)
    try:
        actor = resolve_actor(world, step.by or "", step.at.date())
        result = bus.handle(command, actor, step.at)
    except (InvalidInput, NotFound) as error:
        raise ScenarioError(step.number, str(error)) from None
    world = bus.uow.world  # the world the command made: each snapshot is immutable
    created = _created(result)
    if step.name and created and result.allowed:
        names[step.name] = created
    situation = Situation(
        world,
        step.at.date(),
        result.ruling,
        names,
        _step_case(command, result, world.sittings.drafts),
    )
    found = failures(step.expect, situation)
    if not result.allowed and step.expect.get("allowed") is not False:
        found.insert(
            0,
            "refused by the rules, and the step does not expect it: "
            + "; ".join(r.text for r in result.ruling.reasons),
        )
    return StepReport(
        step.number, step.at, step.by, step.do, step.name, result.ruling, created, tuple(found)
    )


def _created(result: Result) -> str | None:
    return next(iter(result.created.values()), None)


def _step_case(command: Command, result: Result, drafts: Any) -> str | None:
    if "case" in result.created:
        return result.created["case"]
    for key in ("case", "about"):
        value = getattr(command, key, None)
        if isinstance(value, str):
            return value
    draft_id = getattr(command, "draft", None)
    if draft_id is not None and draft_id in drafts:
        case_id: str | None = drafts[draft_id].case_id
        return case_id
    return None
