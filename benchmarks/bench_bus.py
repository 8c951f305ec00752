"""Benchmark: commands through the message bus, a 1,000-step scenario, and the bare rules.

Run with ``make bench`` (or ``python benchmarks/bench_bus.py``). Three figures, each the best
of 3 timed runs after one warm-up, each against a baseline measured in the same run:

* ``bus.handle`` on 10,000 commands, a deterministic mix of crises in 2022 (requests, sessions,
  drafts, positions, closings, UN notices, deployments, withdrawals, closings; with refusals:
  positions by the suspended UZB, requests by AZE, a non-chair convening, deployments without a
  decision or with a contingent that stood aside, closing a case while forces are deployed),
  against the rules alone for the same 10,000 decisions (``ask`` or the rule functions);
* ``run_scenario`` on a generated 1,000-step scenario (55 Kazakhstan-like crises of 18 steps
  and 10 steps of a 56th), against the rules alone for its decisions and against the target
  of one second.

Commands and actors are built before the clock starts; every timed run starts on a fresh bus.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from report import table

from accord.bootstrap import in_memory_bus
from accord.kernel.messages import Actor, Command
from accord.rules.chairmanship import rule_on_chair
from accord.rules.charter import Charter
from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.questions import ask
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.rules.voting import rule_on_position
from accord.service.actors import resolve_actor
from accord.simulation.runner import run_scenario
from accord.simulation.scenario import Step, parse_scenario
from accord.simulation.verbs import build_command

BUS_COMMANDS = 10_000
SCENARIO_STEPS = 1_000
SCENARIO_TARGET_SECONDS = 1.0
RUNS = 3

TZ = dt.timezone(dt.timedelta(hours=6))  # Almaty, as in the bundled kazakhstan-2022 scenario
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
VOTERS = (*MEMBERS, "UZB")  # UZB is suspended in 2022: its position is refused
CONTINGENTS = {"RUS": 1500, "BLR": 200, "ARM": 100, "TJK": 200, "KGZ": 150}
BODY = "CSC"
PEACEKEEPING = "peacekeeping_operation"

#: A rule evaluation standing for one command: called with the rulebook of the command's day.
Rule = Callable[[Rulebook], Any]


@dataclass(frozen=True)
class Planned:
    """One step of a generated crisis: a scenario step, and the bare rule it comes down to."""

    at: dt.datetime
    by: str | None
    do: str
    given: dict[str, Any]
    rule: Rule | None
    name: str | None = None
    expect: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        step: dict[str, Any] = {"at": self.at.isoformat(), "do": self.do}
        if self.by:
            step["by"] = self.by
        if self.given:
            step["with"] = self.given
        if self.name:
            step["as"] = self.name
        if self.expect:
            step["expect"] = self.expect
        return step


# -- the bare rules, one per command ------------------------------------------------------------
# Each is what the command's handler asks of the rules, without the workflow around it: no
# world, no context, no events, no journal. Where ``ask`` has the question it is used.


def _request_rule(by: str, article: str, where: str, threat: str, aggressor: str) -> Rule:
    given = {"by": by, "article": article, "where": where, "threat": threat, "aggressor": aggressor}
    return partial(ask, question="request", given=given)


def _chair_rule() -> Rule:
    return partial(ask, question="chair", given={})


def _decision_rule(kind: str, where: str, requested_by: str) -> Rule:
    given = {
        "body": BODY,
        "kind": kind,
        "where": where,
        "subject": where,
        "requested_by": [requested_by],
    }
    return partial(ask, question="decision", given=given)


def _position(
    rulebook: Rulebook, charter: Charter, state: str, position: str, kind: str, subject: str
) -> Ruling:
    return rule_on_position(rulebook, charter.bodies[BODY], state, position, kind, subject)


def _vote_rule(kind: str, subject: str, positions: dict[str, str]) -> Rule:
    given: dict[str, Any] = {"body": BODY, "kind": kind, "subject": subject}
    for state, position in positions.items():
        given.setdefault(position, []).append(state)
    return partial(ask, question="vote", given=given)


def _notify(rulebook: Rulebook, charter: Charter, adopted: bool) -> Ruling:
    because = Because("notify_un_security_council", rulebook.day)
    report = rulebook.parameter("collective_defence/report_to_un_security_council")
    if adopted:
        power = charter.bodies[BODY].decides_on(PEACEKEEPING, rulebook.day)
        because.note(
            "a peacekeeping operation is notified at once", power.source if power else None
        )
    if report is not None and report.value and adopted:
        because.note("measures are reported to the UN Security Council at once", report.source)
    elif not adopted:
        because.refuse("no measure decided: nothing to report", report.source if report else None)
    return because.ruling()


def _deploy(rulebook: Rulebook, contingents: Sequence[str]) -> Ruling:
    because = Because("deploy", rulebook.day)
    rule_on_chair(rulebook)  # who may deploy: the chair, or a body named for it
    deciding = rulebook.parameter("collective_defence/deciding_body")
    for state in contingents:
        require_member(rulebook, state, because, "send a contingent")
    because.note("carries out the decision", deciding.source if deciding else None)
    return because.ruling()


# -- crises ---------------------------------------------------------------------------------------


class Crisis:
    """Steps of one crisis, requested by ``requester``, from ``start``; names get ``suffix``."""

    def __init__(self, charter: Charter, requester: str, start: dt.datetime, suffix: str) -> None:
        self.charter, self.requester, self.suffix = charter, requester, suffix
        self.clock = start
        self.steps: list[Planned] = []
        self.case, self.session, self.draft = f"case{suffix}", f"s{suffix}", f"d{suffix}"
        self.positions: dict[str, str] = {}

    def at(self, when: dt.datetime | None = None) -> dt.datetime:
        self.clock = when if when is not None else self.clock + dt.timedelta(minutes=1)
        return self.clock

    def add(
        self,
        by: str,
        do: str,
        given: dict[str, Any],
        rule: Rule,
        *,
        when: dt.datetime | None = None,
        name: str | None = None,
        **expect: Any,
    ) -> None:
        expect = {k.replace("__", "."): v for k, v in expect.items()}
        self.steps.append(Planned(self.at(when), by, do, given, rule, name, expect))

    def file_request(self, when: dt.datetime, by: str | None = None, **expect: Any) -> None:
        by = by or self.requester
        given = {
            "article": "CST-4",
            "threat": "aggression",
            "aggressor": "non_state",
            "where": by,
            "summary": "attacks by armed groups trained abroad",
        }
        rule = _request_rule(by, "CST-4", by, "aggression", "non_state")
        name = self.case if by == self.requester else None
        self.add(by, "file_request", given, rule, when=when, name=name, **expect)

    def convene(
        self,
        when: dt.datetime | None = None,
        *,
        by: str = "chair",
        first: bool = True,
        **expect: Any,
    ) -> None:
        given: dict[str, Any] = {
            "body": BODY,
            "extraordinary": True,
            "format": "video",
            "about": self.case,
        }
        if not first:
            given["requested_by"] = self.requester
        name = self.session if first else None
        self.add(by, "convene_session", given, _chair_rule(), when=when, name=name, **expect)

    def table(self, kind: str = PEACEKEEPING, **expect: Any) -> None:
        given = {
            "session": self.session,
            "kind": kind,
            "case": self.case,
            "text": "send the Collective Peacekeeping Forces for a limited period",
        }
        rule = _decision_rule(kind, self.requester, self.requester)
        self.add("chair", "table_draft", given, rule, name=self.draft, **expect)

    def positions_of(self, positions: dict[str, str], kind: str = PEACEKEEPING) -> None:
        for state in VOTERS:
            position = positions.get(state, "support")
            rule = partial(
                _position,
                charter=self.charter,
                state=state,
                position=position,
                kind=kind,
                subject=self.requester,
            )
            given = {"draft": self.draft, "position": position}
            expect: dict[str, Any] = {}
            if state == "UZB":
                expect = {"allowed": False, "articles": ["REG-SUSPENSION-2004"]}
            else:
                self.positions[state] = position
            self.add(state, "state_position", given, rule, **expect)

    def close_draft(self, kind: str = PEACEKEEPING, **expect: Any) -> None:
        rule = _vote_rule(kind, self.requester, self.positions)
        self.add("chair", "close_draft", {"draft": self.draft}, rule, **expect)

    def notify(self, adopted: bool = True, **expect: Any) -> None:
        self.add(
            "secretary_general",
            "notify_un_security_council",
            {"case": self.case},
            partial(_notify, charter=self.charter, adopted=adopted),
            **expect,
        )

    def deploy(self, when: dt.datetime | None, contingents: dict[str, int], **expect: Any) -> None:
        given = {
            "case": self.case,
            "formation": "collective_peacekeeping_forces",
            "contingents": contingents,
        }
        rule = partial(_deploy, contingents=tuple(contingents))
        self.add("CSC", "deploy", given, rule, when=when, **expect)

    def withdraw(self, when: dt.datetime | None, contingents: Sequence[str] = ()) -> None:
        given: dict[str, Any] = {"case": self.case}
        if contingents:
            given["contingents"] = list(contingents)
        self.add("CDM", "withdraw_forces", given, _chair_rule(), when=when, allowed=True)

    def close_case(self, by: str = "secretary_general", **expect: Any) -> None:
        given = {"case": self.case, "summary": "all contingents home, no losses"}
        self.add(by, "close_case", given, _chair_rule(), **expect)


def kazakhstan_like(crisis: Crisis, day: dt.date) -> list[Planned]:
    """The 17 steps of the bundled kazakhstan-2022 scenario, compressed into five days."""
    c = crisis

    def on(days: int, hour: int) -> dt.datetime:
        return dt.datetime.combine(day + dt.timedelta(days=days), dt.time(hour), TZ)

    c.file_request(on(0, 20), allowed=True, case__stage="requested", articles=["CST-4"])
    c.convene(on(1, 1), allowed=True, chair="ARM", case__stage="consultations")
    c.table(allowed=True, articles=["PKA-3"])
    c.positions_of({})
    c.close_draft(outcome="adopted", case__stage="decided")
    c.notify(allowed=True)
    c.deploy(on(1, 18), CONTINGENTS, allowed=True, case__stage="in_execution")
    c.convene(on(2, 12), first=False, allowed=True, chair="ARM")
    c.withdraw(on(3, 10), ["ARM", "KGZ"])
    c.withdraw(on(4, 20))
    c.close_case(allowed=True, case__stage="closed")
    return c.steps


def blocked(crisis: Crisis, start: dt.datetime) -> list[Planned]:
    """A member objects: no decision, no deployment; the requester closes its case."""
    c = crisis
    objector = MEMBERS[(MEMBERS.index(c.requester) + 1) % len(MEMBERS)]
    c.file_request(start, allowed=True)
    c.convene(allowed=True)
    c.table(allowed=True)
    c.positions_of({objector: "object"})
    c.close_draft(outcome="blocked", blocked_by=[objector])
    c.notify(adopted=False)  # nothing decided: refused by the current rules
    c.deploy(start + dt.timedelta(hours=2), CONTINGENTS, allowed=False)
    convener = "KGZ" if objector == "ARM" else objector  # ARM chairs in 2022
    c.convene(by=convener, first=False, allowed=False)  # a member that is not the chair
    c.close_case(by=c.requester, allowed=True, case__stage="closed")
    return c.steps


def restricted(crisis: Crisis, start: dt.datetime) -> list[Planned]:
    """A member stands aside: adopted in the restricted format, without its contingent."""
    c = crisis
    aside = "TJK" if c.requester == "BLR" else "BLR"
    without = {state: n for state, n in CONTINGENTS.items() if state != aside}
    c.file_request(start, allowed=True)
    c.convene(allowed=True)
    c.table(allowed=True)
    c.positions_of({aside: "stand_aside"})
    c.close_draft(outcome="adopted_restricted", standing_aside=[aside])
    c.notify(allowed=True)
    c.deploy(start + dt.timedelta(hours=2), CONTINGENTS, allowed=False)  # aside's contingent
    c.deploy(None, without, allowed=True)
    c.close_case(allowed=False)  # forces still deployed
    c.withdraw(start + dt.timedelta(hours=9))
    c.close_case(allowed=True, case__stage="closed")
    return c.steps


def bus_mix(charter: Charter, count: int) -> list[Planned]:
    """``count`` steps of crises in 2022, one starting every 11 hours, in a fixed rotation of
    kinds; crises overlap, and the steps of all of them are taken in order of time."""
    steps: list[Planned] = []
    start = dt.datetime(2022, 1, 3, 8, tzinfo=TZ)
    i = 0
    while len(steps) < count:
        crisis = Crisis(charter, MEMBERS[i % len(MEMBERS)], start, f"_{i}")
        if i % 7 == 6:
            crisis.file_request(start, by="AZE", allowed=False)  # not renewed since 1999
        kind = i % 5
        if kind == 1:
            steps += blocked(crisis, start + dt.timedelta(minutes=1))
        elif kind == 3:
            steps += restricted(crisis, start + dt.timedelta(minutes=1))
        else:
            steps += kazakhstan_like(crisis, start.date())
        start += dt.timedelta(hours=11)
        i += 1
    steps.sort(key=lambda planned: planned.at)  # stable: each crisis keeps its order
    assert steps[-1].at.date() < dt.date(2022, 11, 24), "the chair changes on 2022-11-24"
    return steps[:count]


def scenario_plan(charter: Charter, count: int) -> list[Planned]:
    """``count`` steps: 18-step crises (Kazakhstan's 17 and a check), then a part of one."""
    steps: list[Planned] = []
    day = dt.date(2022, 1, 5)
    i = 0
    while len(steps) < count:
        start = dt.datetime.combine(day, dt.time(20), TZ)
        crisis = Crisis(charter, MEMBERS[i % len(MEMBERS)], start, f"_{i + 1}")
        steps += kazakhstan_like(crisis, day)
        expect = {f"{crisis.case}.stage": "closed", f"member.{crisis.requester}.status": "member"}
        steps.append(Planned(crisis.at(), None, "check", {}, None, None, expect))
        day += dt.timedelta(days=5)
        i += 1
    return steps[:count]


def scenario_dict(plan: Sequence[Planned]) -> dict[str, Any]:
    return {
        "name": f"{len(plan)} steps of Kazakhstan-like crises, 2022",
        "charter": "csto",
        "description": "generated by benchmarks/bench_bus.py",
        "steps": [planned.as_dict() for planned in plan],
        "final": {
            "case_1.stage": "closed",
            "member.KAZ.status": "member",
            "member.ARM.frozen": False,
        },
    }


# -- preparing and timing -----------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    commands: list[tuple[Command, Actor, dt.datetime]]
    rules: list[tuple[dt.date, Rule]]
    allowed: list[bool]


def prepare(charter: Charter, plan: Sequence[Planned]) -> Prepared:
    """Commands with their ids, as a client would build them from the results (one run)."""
    bus = in_memory_bus(charter)
    names: dict[str, str] = {}
    commands, allowed = [], []
    for number, planned in enumerate(plan, start=1):
        step = Step(number, planned.at, planned.by, planned.do, planned.given, planned.name, {})
        command = build_command(step, names)
        actor = resolve_actor(bus.uow.world, planned.by or "", planned.at.date())
        result = bus.handle(command, actor, planned.at)
        expected = planned.expect.get("allowed")
        if expected is not None and expected != result.allowed:
            reasons = "; ".join(r.text for r in result.ruling.reasons)
            raise SystemExit(
                f"bench plan step {number} ({planned.do} by {planned.by}): "
                f"expected allowed={expected}, got {result.allowed}: {reasons}"
            )
        if planned.name and result.allowed and result.created:
            names[planned.name] = next(iter(result.created.values()))
        commands.append((command, actor, planned.at))
        allowed.append(result.allowed)
    return Prepared(commands, rules_of(plan), allowed)


def rules_of(plan: Sequence[Planned]) -> list[tuple[dt.date, Rule]]:
    return [(p.at.date(), p.rule) for p in plan if p.rule is not None]


def best_of(runs: int, work: Callable[[], float]) -> float:
    work()  # warm up
    return min(work() for _ in range(runs))


def time_bus(charter: Charter, prepared: Prepared) -> float:
    bus = in_memory_bus(charter)
    handle = bus.handle
    started = time.perf_counter()
    for command, actor, at in prepared.commands:
        handle(command, actor, at)
    elapsed = time.perf_counter() - started
    allowed = [entry.allowed for entry in bus.uow.journal.entries()]
    assert allowed == prepared.allowed, "a timed run ruled differently from the first run"
    return elapsed


def time_rules(charter: Charter, prepared: Prepared) -> float:
    as_of = Rulebook.as_of
    started = time.perf_counter()
    for day, rule in prepared.rules:
        rule(as_of(charter, day))
    return time.perf_counter() - started


def time_scenario(charter: Charter, raw: dict[str, Any]) -> float:
    started = time.perf_counter()
    report = run_scenario(parse_scenario(raw), charter)
    elapsed = time.perf_counter() - started
    if not report.ok:
        bad = [f"step {s.number}: {'; '.join(s.failures)}" for s in report.steps if not s.ok]
        raise SystemExit(
            "the generated scenario fails:\n"
            + "\n".join(bad[:5] + report.final_failures + list(report.journal_problems))
        )
    return elapsed


def main() -> int:
    charter = load_charter(bundled_charter_path("csto"))
    print(f"Python {sys.version.split()[0]}; best of {RUNS} runs after one warm-up\n")

    plan = bus_mix(charter, BUS_COMMANDS)
    prepared = prepare(charter, plan)
    refused = prepared.allowed.count(False)
    mix: dict[str, int] = {}
    for planned in plan:
        mix[planned.do] = mix.get(planned.do, 0) + 1
    print(
        f"bus mix: {len(plan)} commands, {refused} refused by the rules; "
        + ", ".join(f"{do} {n}" for do, n in mix.items())
    )
    bus_s = best_of(RUNS, lambda: time_bus(charter, prepared))
    rules_s = best_of(RUNS, lambda: time_rules(charter, prepared))
    print(
        f"bus.handle: {BUS_COMMANDS} commands in {bus_s:.3f} s = {BUS_COMMANDS / bus_s:,.0f} "
        f"commands/s (rules alone: {BUS_COMMANDS / rules_s:,.0f} decisions/s)"
    )

    steps = scenario_plan(charter, SCENARIO_STEPS)
    raw = scenario_dict(steps)
    checks = sum(step["do"] == "check" for step in raw["steps"])
    scenario_s = best_of(RUNS, lambda: time_scenario(charter, raw))
    scenario_rules = Prepared([], rules_of(steps), [])
    scenario_rules_s = best_of(RUNS, lambda: time_rules(charter, scenario_rules))
    meets = scenario_s < SCENARIO_TARGET_SECONDS
    print(
        f"run_scenario: {SCENARIO_STEPS} steps ({SCENARIO_STEPS - checks} commands, {checks} "
        f"checks) parsed and replayed in {scenario_s:.3f} s = "
        f"{SCENARIO_STEPS / scenario_s:,.0f} steps/s; "
        f"target < {SCENARIO_TARGET_SECONDS:.0f} s: {'MET' if meets else 'NOT MET'}\n"
    )

    for line in table(
        [
            ("figure", "value", "baseline", "ratio"),
            (
                f"bus.handle x{BUS_COMMANDS} (s)",
                f"{bus_s:.3f}",
                f"{rules_s:.3f}",
                f"{bus_s / rules_s:.1f}x",
            ),
            (
                "  commands/s vs rules/s",
                f"{BUS_COMMANDS / bus_s:,.0f}",
                f"{BUS_COMMANDS / rules_s:,.0f}",
                f"{rules_s / bus_s:.2f}",
            ),
            (
                f"run_scenario {SCENARIO_STEPS} steps (s)",
                f"{scenario_s:.3f}",
                f"{scenario_rules_s:.3f}",
                f"{scenario_s / scenario_rules_s:.1f}x",
            ),
            (
                "  steps/s vs rules/s",
                f"{SCENARIO_STEPS / scenario_s:,.0f}",
                f"{len(scenario_rules.rules) / scenario_rules_s:,.0f}",
                f"{scenario_rules_s / scenario_s:.2f}",
            ),
            (
                "run_scenario vs target (s)",
                f"{scenario_s:.3f}",
                f"{SCENARIO_TARGET_SECONDS:.3f}",
                f"{scenario_s / SCENARIO_TARGET_SECONDS:.2f}",
            ),
        ]
    ):
        print(line)
    print(
        "\nbaseline: the rules alone (rules.questions.ask or the rule functions) for the same "
        "decisions, on a Rulebook of each command's day; no world, events or journal"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
