"""Benchmark: exact force matching (scipy.optimize.milp, HiGHS) beside the greedy baseline.

Run with ``make bench-forces`` (or ``python benchmarks/bench_matching.py``); options
``--units N --requirements M --seed S`` (2,000, 40 and 2022 by default), ``--runs R`` timed runs
after one warm-up (at least 3), ``--dump FILE`` to write the instance as JSON for
``accord forces match`` or a reviewer's own solver. The aim: the optimal answer in under 2 s.

The generator (numpy, seeded: the same options give the same instance everywhere):

* units from the six members of 2026, by weight RUS 40 %, KAZ 16 %, BLR 13 %, ARM 11 %,
  KGZ 10 %, TJK 10 %; one capability each, a quarter with a second one, drawn from
  motorised_infantry, airborne, engineers, medical, military_police, logistics,
  special_forces, CBRN and aviation (infantry and logistics most common); strength uniform in
  50–800; days to deploy uniform in a range per capability within 1–90 (airborne and special
  forces 1–15, aviation 2–30, medical and military police 3–45, CBRN 5–60, the rest 5–90);
* available from 60 days before the order for 92 %, from 3–60 days after it for the rest; 10 %
  available only until 20–150 days after the order (never before they become available);
  busy (deployed or in an exercise) for 12 %, a period of 5–60 days starting between 30 days
  before and 60 days after the order;
* caveats: 12 % not on the territory of a party to the dispute, 6 % not in 1–2 other members,
  4 % only in their own state and 1–2 others;
* requirements in a member state with the given capability mix, strength uniform in 300–2,500
  (scaled by units / requirements / 50, so smaller pools get smaller requirements), needed by
  7–60 days after the order (2022-01-06); the parties to the dispute are the place and, for
  one in three, one or two other members.

Each exact run is ``match`` with ``--time-limit`` seconds per stage (stage 1: per MILP, one per
arrival day tried); the default, 0.65 s, lets the three stages fit in the aim's 2 s. A run is
optimal only when every stage is proven; otherwise the figures are the best found (local search,
HiGHS, neighbourhood search) and the proven lower bounds are printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Sequence

import numpy as np

from accord.forces.matching.eligibility import (
    Caveat,
    CaveatKind,
    Order,
    PledgedUnit,
    Requirement,
    eligible_pairs,
)
from accord.forces.matching.exact import match
from accord.forces.matching.greedy import greedy
from accord.forces.matching.instance import Instance, dump_instance
from accord.forces.matching.proposal import Proposal

AIM_SECONDS = 2.0
START = dt.date(2022, 1, 6)
MEMBERS = {"RUS": 40, "KAZ": 16, "BLR": 13, "ARM": 11, "KGZ": 10, "TJK": 10}
CAPABILITIES = {  # weight, days to deploy (first, last)
    "motorised_infantry": (24, (5, 90)),
    "airborne": (10, (1, 15)),
    "engineers": (10, (5, 90)),
    "medical": (9, (3, 45)),
    "military_police": (8, (3, 45)),
    "logistics": (16, (5, 90)),
    "special_forces": (7, (1, 15)),
    "CBRN": (6, (5, 60)),
    "aviation": (10, (2, 30)),
}


def generate(unit_count: int, requirement_count: int, seed: int) -> Instance:
    rng = np.random.default_rng(seed)
    members, capabilities = list(MEMBERS), list(CAPABILITIES)
    member_p = np.array(list(MEMBERS.values())) / sum(MEMBERS.values())
    weights = np.array([weight for weight, _ in CAPABILITIES.values()], dtype=float)
    capability_p = weights / weights.sum()

    def days(n: int) -> dt.date:
        return START + dt.timedelta(days=n)

    def others(state: str) -> frozenset[str]:
        rest = [m for m in members if m != state]
        return frozenset(rng.choice(rest, size=rng.integers(1, 3), replace=False).tolist())

    units = []
    for index in range(unit_count):
        state = str(rng.choice(members, p=member_p))
        owned = set(rng.choice(capabilities, size=1 + int(rng.random() < 0.25), p=capability_p))
        first, last = max((CAPABILITIES[c][1] for c in owned), key=lambda span: span[1])
        caveats, roll = [], rng.random()
        if roll < 0.12:
            caveats.append(Caveat(CaveatKind.NOT_ON_PARTY_TERRITORY))
        elif roll < 0.18:
            caveats.append(Caveat(CaveatKind.NOT_IN, others(state)))
        elif roll < 0.22:
            caveats.append(Caveat(CaveatKind.ONLY_IN, others(state) | {state}))
        busy_from = int(rng.integers(-30, 61))
        strength, deploy = int(rng.integers(50, 801)), int(rng.integers(first, last + 1))
        available_from = -60 if rng.random() < 0.92 else int(rng.integers(3, 61))
        until = int(rng.integers(20, 151)) if rng.random() < 0.1 else None
        units.append(
            PledgedUnit(
                id=f"{state}-{index + 1:04d}",
                state=state,
                capabilities=frozenset(str(c) for c in owned),
                strength=strength,
                days_to_deploy=deploy,
                available_from=days(available_from),
                available_until=None if until is None else days(max(until, available_from)),
                caveats=tuple(caveats),
                busy=((days(busy_from), days(busy_from + int(rng.integers(4, 60)))),)
                if rng.random() < 0.12
                else (),
            )
        )
    requirements = []
    scale = unit_count / max(requirement_count, 1) / 50
    for index in range(requirement_count):
        where = str(rng.choice(members))
        parties = {where} | (set(others(where)) if rng.random() < 1 / 3 else set())
        requirements.append(
            Requirement(
                id=f"R{index + 1}",
                capability=str(rng.choice(capabilities, p=capability_p)),
                strength=int(rng.integers(300, 2501) * scale),
                needed_by=days(int(rng.integers(7, 61))),
                where=where,
                parties_to_dispute=frozenset(parties),
            )
        )
    return Instance(tuple(units), tuple(requirements), Order(START))


FIGURES = ("latest arrival (days)", "largest state share", "personnel committed")


def timed_runs(instance: Instance, runs: int, time_limit: float) -> list[Proposal]:
    match(instance.units, instance.requirements, instance.order, time_limit=time_limit)  # warm-up
    answers = []
    for _ in range(runs):
        answer = match(instance.units, instance.requirements, instance.order, time_limit=time_limit)
        if not isinstance(answer, Proposal):
            raise SystemExit(
                "the generated instance has no assignment:\n" + "\n".join(answer.lines)
            )
        answers.append(answer)
    return answers


def gap(value: int, reference: int) -> str:
    percent = f"{100 * (value - reference) / reference:+.1f} %" if reference else "n/a"
    return f"{value - reference:+d} ({percent})"


def report(
    instance: Instance, answers: list[Proposal], baseline: Proposal | None, limit: float
) -> bool:
    times = sorted(a.solve_seconds for a in answers)
    median = statistics.median(times)
    middle = sorted(answers, key=lambda a: a.solve_seconds)[len(answers) // 2]
    pairs = len(eligible_pairs(instance.units, instance.requirements, instance.order))
    print(
        f"instance: {len(instance.units)} units, {len(instance.requirements)} requirements, "
        f"{pairs} eligible pairs; time limit {limit:g} s per stage"
    )
    print(f"exact solve: best {times[0]:.3f} s, median {median:.3f} s of {len(answers)} runs")
    stages = ("earliest arrival", "balanced contributions", "no needless units")
    bounds = middle.bounds or (0, 0, 0)
    for name, seconds, value, bound in zip(
        stages, middle.stage_seconds, middle.objectives, bounds, strict=True
    ):
        status = (
            "proven optimal"
            if value <= bound
            else f"best found; proven bound {bound}, gap {gap(value, bound)}"
        )
        print(f"  stage {name:<23} {seconds:7.3f} s  {value:>7}  {status}")
    print(f"{'':24}{'exact':>10}{'greedy':>10}   greedy gap")
    for index, name in enumerate(FIGURES):
        exact = middle.objectives[index]
        if baseline is None:
            print(f"  {name:<22}{exact:>10}{'fails':>10}")
        else:
            greedy_value = baseline.objectives[index]
            print(f"  {name:<22}{exact:>10}{greedy_value:>10}   {gap(greedy_value, exact)}")
    met = middle.optimal and median < AIM_SECONDS
    verdict = "MET" if met else "NOT MET"
    why = "" if middle.optimal else " (optimality not proven within the time limit)"
    print(
        f"aim, a proven optimal answer in under {AIM_SECONDS:g} s: {verdict}{why}; "
        f"median {median:.3f} s"
    )
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--requirements", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=0.65, help="seconds per stage")
    parser.add_argument("--dump", help="write the instance to this JSON file")
    options = parser.parse_args(argv)
    instance = generate(options.units, options.requirements, options.seed)
    if options.dump:
        dump_instance(instance, options.dump)
    answers = timed_runs(instance, max(options.runs, 3), options.time_limit)
    started = time.perf_counter()
    baseline = greedy(instance.units, instance.requirements, instance.order)
    print(f"greedy: {time.perf_counter() - started:.3f} s")
    report(instance, answers, baseline, options.time_limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
