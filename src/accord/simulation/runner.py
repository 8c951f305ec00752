"""Replay a scenario on a fresh Accord in memory, through the same edge and handlers as the
API: each step is sent by the person its ``by`` names (simulation.runtime)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.bodies.model import BODIES
from accord.bootstrap import in_memory_bus
from accord.edge.sending import Runtime, Sent, send_as
from accord.journal.store import EntrySource, InMemoryJournal, JsonLinesJournal
from accord.journal.verify import verify
from accord.kernel.errors import InvalidInput, NotFound
from accord.kernel.messages import Command
from accord.rules.charter import Charter
from accord.rules.ruling import Ruling
from accord.service.bus import Result
from accord.service.world import World
from accord.simulation.expectations import Situation, check_keys, failures
from accord.simulation.runtime import InMemoryRuntime, sender_for
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
    runtime: Runtime | None = None,
) -> ScenarioReport:
    """Run every step in order; a malformed step raises ScenarioError naming it.

    ``runtime`` is a fresh Accord in memory unless given (the demo's database)."""
    if runtime is None:
        own = InMemoryJournal() if journal is None else journal
        assert isinstance(own, InMemoryJournal | JsonLinesJournal), "an in-memory bus appends"
        journal, runtime = own, InMemoryRuntime(in_memory_bus(charter, own))
    elif journal is None:
        raise ValueError("an Accord of your own comes with the journal it writes, to verify it")
    names: dict[str, str] = {}
    report = ScenarioReport(scenario.name)
    for step in scenario.steps:
        report.steps.append(_run_step(runtime, step, names))
    last = scenario.steps[-1].at
    check_keys(0, scenario.final, has_ruling=False)
    report.final_failures = failures(
        scenario.final, Situation(runtime.world, last, None, names, None)
    )
    verification = verify(journal.entries())
    report.journal_entries, report.journal_problems = verification.entries, verification.problems
    return report


def _run_step(runtime: Runtime, step: Step, names: dict[str, str]) -> StepReport:
    world = runtime.world
    if step.do == "check":
        if step.given or step.name:
            raise ScenarioError(step.number, "a check takes no 'with' and no 'as'")
        check_keys(step.number, step.expect, has_ruling=False)
        found = failures(step.expect, Situation(world, step.at, None, names, None))
        return StepReport(step.number, step.at, step.by, step.do, None, None, None, tuple(found))
    command = build_command(step, names)
    check_keys(step.number, step.expect, has_ruling=True)
    try:
        sender = sender_for(step.by or "", world.charter().bodies)
        sent = send_as(runtime, sender.principal, command, sender.on_behalf_of, at=step.at)
    except InvalidInput as error:
        raise ScenarioError(step.number, str(error)) from None
    except NotFound as error:
        return _not_found(step, names, runtime.world, str(error))
    world = runtime.world  # the world the command made: each snapshot is immutable
    ruling = sent.result.ruling if sent.result is not None else sent.refusal
    assert ruling is not None, "a command not sent is refused, and its refusal journaled"
    created = _created(sent)
    if step.name and created and ruling.allowed:
        names[step.name] = created
    situation = Situation(
        world,
        step.at,
        ruling,
        names,
        _step_case(command, sent.result, world[BODIES].drafts),
    )
    found = failures(step.expect, situation)
    if not ruling.allowed and step.expect.get("allowed") is not False:
        by_whom = "by the rules" if sent.result is not None else "by permission"
        found.insert(
            0,
            f"refused {by_whom}, and the step does not expect it: "
            + "; ".join(r.text for r in ruling.reasons),
        )
    return StepReport(
        step.number, step.at, step.by, step.do, step.name, ruling, created, tuple(found)
    )


def _not_found(step: Step, names: dict[str, str], world: World, why: str) -> StepReport:
    situation = Situation(world, step.at, None, names, None, found=False)
    found = failures(step.expect, situation)
    if step.expect.get("found") is not False:
        found.insert(0, f"not found, and the step does not expect it: {why}")
    return StepReport(step.number, step.at, step.by, step.do, step.name, None, None, tuple(found))


def _created(sent: Sent) -> str | None:
    return next(iter(sent.result.created.values()), None) if sent.result else None


def _step_case(command: Command, result: Result | None, drafts: Any) -> str | None:
    if result is not None and "case" in result.created:
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
