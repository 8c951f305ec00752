"""Force matching: the MILP against a plain brute force; eligibility, shortfalls, greedy, CLI."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.entrypoints.cli import app
from accord.forces.matching.eligibility import (
    Caveat,
    CaveatKind,
    Order,
    PledgedUnit,
    Requirement,
    is_eligible,
)
from accord.forces.matching.exact import match
from accord.forces.matching.greedy import greedy
from accord.forces.matching.instance import Instance, dump_instance, instance_dict, load_instance
from accord.forces.matching.proposal import Proposal
from accord.forces.matching.shortfall import Shortfall

START = dt.date(2022, 1, 6)
ORDER = Order(START)
runner = CliRunner()


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def unit(uid: str, state: str = "KAZ", strength: int = 100, days: int = 2, **more) -> PledgedUnit:
    capabilities = more.pop("capabilities", frozenset({"engineers"}))
    return PledgedUnit(uid, state, capabilities, strength, days, day(-30), **more)


def requirement(rid: str = "R1", strength: int = 100, by: int = 10, **more) -> Requirement:
    more.setdefault("capability", "engineers")
    more.setdefault("where", "KGZ")
    return Requirement(rid, strength=strength, needed_by=day(by), **more)


# -- brute force, written plainly and independently of the module ----------------------------


def plainly_eligible(u: PledgedUnit, r: Requirement, start: dt.date) -> bool:
    if r.capability not in u.capabilities:
        return False
    if start + dt.timedelta(days=u.days_to_deploy) > r.needed_by:
        return False
    today = start
    while today <= r.needed_by:
        if today < u.available_from or (u.available_until and today > u.available_until):
            return False
        if any(first <= today <= last for first, last in u.busy):
            return False
        today += dt.timedelta(days=1)
    for caveat in u.caveats:
        if caveat.kind == "not_in" and r.where in caveat.states:
            return False
        if caveat.kind == "only_in" and r.where not in caveat.states:
            return False
        if caveat.kind == "not_on_party_territory" and r.where in r.parties_to_dispute:
            return False
    return True


def brute_force(units, requirements, start) -> tuple[int, int, int] | None:
    """The lexicographic minimum of (latest arrival, largest state share, personnel) over every
    way of sending each unit to one requirement it is eligible for, or nowhere."""
    options = [
        [None] + [i for i, r in enumerate(requirements) if plainly_eligible(u, r, start)]
        for u in units
    ]
    best = None
    for choice in itertools.product(*options):
        cover = [0] * len(requirements)
        shares: dict[str, int] = {}
        latest = total = 0
        for u, target in zip(units, choice, strict=True):
            if target is not None:
                cover[target] += u.strength
                shares[u.state] = shares.get(u.state, 0) + u.strength
                latest = max(latest, u.days_to_deploy)
                total += u.strength
        if all(c >= r.strength for c, r in zip(cover, requirements, strict=True)):
            key = (latest, max(shares.values(), default=0), total)
            best = key if best is None or key < best else best
    return best


def random_instance(seed: int) -> tuple[list[PledgedUnit], list[Requirement]]:
    rng = random.Random(seed)
    states, places = ["ARM", "KAZ", "RUS"], ["ARM", "KAZ", "RUS", "KGZ"]
    units = []
    for index in range(rng.randint(3, 8)):
        caveats = []
        if rng.random() < 0.15:
            kind = rng.choice(list(CaveatKind))
            chosen = frozenset(rng.sample(places, 2))
            caveats.append(
                Caveat(kind, frozenset() if kind == "not_on_party_territory" else chosen)
            )
        until = day(rng.randint(2, 9)) if rng.random() < 0.1 else None
        busy = ((day(rng.randint(-5, 5)), day(rng.randint(5, 8))),) if rng.random() < 0.1 else ()
        units.append(
            PledgedUnit(
                f"U{index}",
                rng.choice(states),
                frozenset(rng.sample(["eng", "med"], rng.randint(1, 2))),
                rng.randint(5, 60),
                rng.randint(0, 6),
                day(-1 if rng.random() < 0.95 else 1),
                until,
                tuple(caveats),
                busy,
            )
        )
    requirements = [
        Requirement(
            f"R{index}",
            rng.choice(["eng", "med"]),
            rng.randint(10, 70),
            day(rng.randint(3, 8)),
            rng.choice(places),
            frozenset(rng.sample(places, rng.randint(0, 2))),
        )
        for index in range(rng.randint(1, 3))
    ]
    return units, requirements


def check_assignment(proposal: Proposal, units, requirements) -> None:
    """The proposal is a real assignment and its figures are its own."""
    by_id = {u.id: u for u in units}
    sent = [uid for uids in proposal.assignment.values() for uid in uids]
    assert len(sent) == len(set(sent))
    shares: dict[str, int] = {}
    for r in requirements:
        chosen = [by_id[uid] for uid in proposal.assignment[r.id]]
        assert all(plainly_eligible(u, r, START) for u in chosen)
        assert sum(u.strength for u in chosen) >= r.strength
        for u in chosen:
            shares[u.state] = shares.get(u.state, 0) + u.strength
    assert proposal.latest_arrival == max((by_id[i].days_to_deploy for i in sent), default=0)
    assert proposal.largest_state_share == max(shares.values(), default=0)
    assert proposal.total_strength == sum(by_id[i].strength for i in sent)


def check_match(units, requirements, expected, outcomes: dict[str, int], seed: int) -> None:
    """``match`` gives the ``expected`` optimum, proven, or a shortfall when there is none;
    ``outcomes`` counts which."""
    result = match(units, requirements, ORDER)
    if expected is None:
        assert isinstance(result, Shortfall), seed
        assert result.lines, seed
        outcomes["shortfall"] += 1
    else:
        assert isinstance(result, Proposal), (seed, expected)
        assert result.objectives == expected, seed
        assert result.optimal, seed
        assert result.bounds == expected, seed
        check_assignment(result, units, requirements)
        outcomes["proposal"] += 1


@pytest.mark.slow
def test_the_milp_finds_the_brute_force_optimum_on_random_small_instances():
    outcomes = {"proposal": 0, "shortfall": 0}
    # 150 instances (83 proposals, 67 shortfalls) test the property as 300 did, in half the time.
    for seed in range(150):
        units, requirements = random_instance(seed)
        check_match(units, requirements, brute_force(units, requirements, START), outcomes, seed)
    assert min(outcomes.values()) >= 50, outcomes  # both sides are really exercised


# -- eligibility, one exclusion at a time --------------------------------------------------------

EXCLUDED = {
    "not_in": unit("X", caveats=(Caveat(CaveatKind.NOT_IN, frozenset({"KGZ"})),)),
    "only_in": unit("X", caveats=(Caveat(CaveatKind.ONLY_IN, frozenset({"KAZ", "RUS"})),)),
    "not_on_party_territory": unit("X", caveats=(Caveat(CaveatKind.NOT_ON_PARTY_TERRITORY),)),
    "available_from": PledgedUnit("X", "KAZ", frozenset({"engineers"}), 100, 2, day(1)),
    "available_until": unit("X", available_until=day(9)),
    "busy": unit("X", busy=((day(8), day(20)),)),
    "late": unit("X", days=11),
    "capability": unit("X", capabilities=frozenset({"medical"})),
}


@pytest.mark.parametrize("reason", list(EXCLUDED))
def test_each_reason_excludes_a_unit_and_another_is_sent(reason):
    needed = requirement(parties_to_dispute=frozenset({"KGZ", "TJK"}))
    spare = unit("Y", state="RUS", strength=300, days=5)
    assert not is_eligible(EXCLUDED[reason], needed, ORDER)
    assert is_eligible(unit("X"), needed, ORDER)  # the same unit without the reason would go
    result = match([EXCLUDED[reason], spare], [needed], ORDER)
    assert isinstance(result, Proposal)
    assert result.assignment == {"R1": ["Y"]}


def test_caveats_allow_what_they_do_not_name():
    needed = requirement(where="KAZ", parties_to_dispute=frozenset({"KGZ"}))
    for caveat in (
        Caveat(CaveatKind.NOT_IN, frozenset({"KGZ"})),
        Caveat(CaveatKind.ONLY_IN, frozenset({"KAZ"})),
        Caveat(CaveatKind.NOT_ON_PARTY_TERRITORY),
    ):
        assert is_eligible(unit("X", caveats=(caveat,)), needed, ORDER)


def test_a_busy_period_ending_before_the_order_does_not_exclude():
    assert is_eligible(unit("X", busy=((day(-10), day(-1)),)), requirement(), ORDER)


# -- the objectives -------------------------------------------------------------------------------


def test_among_equally_fast_answers_the_one_spreading_personnel_across_states_wins():
    units = [
        unit("KAZ-big", state="KAZ", strength=200, days=2),
        unit("KAZ-small", state="KAZ", strength=100, days=2),
        unit("RUS-small", state="RUS", strength=100, days=2),
    ]
    result = match(units, [requirement(strength=200)], ORDER)
    assert isinstance(result, Proposal)
    assert sorted(result.assignment["R1"]) == ["KAZ-small", "RUS-small"]
    assert result.largest_state_share == 100


def test_earliest_arrival_comes_before_balance_and_balance_before_personnel():
    units = [
        unit("slow-RUS", state="RUS", strength=100, days=9),
        unit("fast-KAZ", state="KAZ", strength=150, days=3),
        unit("fast-KAZ-2", state="KAZ", strength=100, days=3),
        unit("fast-ARM", state="ARM", strength=60, days=3),
    ]
    result = match(units, [requirement(strength=200)], ORDER)
    assert isinstance(result, Proposal)
    # KAZ 100 + RUS 100 would balance best but arrives on day 9; of the day-3 answers, KAZ 150 +
    # ARM 60 (largest share 150) beats KAZ 150 + KAZ 100 (250), though it sends more than 200.
    assert result.objectives == (3, 150, 210)


def test_no_needless_unit_is_sent():
    units = [unit(f"U{i}", state=s, strength=100) for i, s in enumerate(["KAZ", "RUS", "ARM"])]
    result = match(units, [requirement(strength=200)], ORDER)
    assert isinstance(result, Proposal)
    assert len(result.assignment["R1"]) == 2
    assert result.total_strength == 200


def test_no_requirement_gives_an_empty_optimal_proposal():
    result = match([unit("X")], [], ORDER)
    assert isinstance(result, Proposal)
    assert result.objectives == (0, 0, 0)
    assert result.optimal


# -- shortfalls ---------------------------------------------------------------------------------


def test_a_shortfall_names_each_reason_a_unit_is_left_out():
    units = [
        unit("KAZ-1", strength=150),
        unit("RUS-late", state="RUS", days=6),
        unit("RUS-later", state="RUS", days=8),
        unit("ARM-caveat", state="ARM", caveats=(Caveat(CaveatKind.NOT_IN, frozenset({"KAZ"})),)),
        unit("BLR-busy", state="BLR", busy=((day(1), day(3)),)),
        unit("TJK-away", state="TJK", available_until=day(2)),
    ]
    needed = requirement("R3", strength=400, by=4, where="KAZ")
    result = match(units, [needed], ORDER)
    assert isinstance(result, Shortfall)
    assert result.lines == [
        "R3 (engineers, 400 by 2022-01-10 in KAZ): 150 personnel eligible, 250 short; "
        "2 units arrive too late (the earliest on 2022-01-12), 1 unit is not available for the "
        "whole period, 1 unit is deployed or in an exercise, 1 unit's caveat excludes KAZ"
    ]


def test_a_shortfall_says_when_no_unit_has_the_capability():
    result = match([unit("X")], [requirement(capability="CBRN")], ORDER)
    assert isinstance(result, Shortfall)
    assert "0 personnel eligible, 100 short; no pledged unit has the capability" in result.lines[0]


def test_requirements_each_coverable_alone_are_said_to_compete_for_their_units():
    units = [unit("A", strength=200), unit("B", strength=100), unit("C", state="RUS")]
    units.append(unit("D", state="RUS", strength=500, days=9))
    first, second = requirement("R1", strength=600), requirement("R2", strength=350)
    medical = requirement("R9", capability="medical", strength=50)
    medics = unit("M", capabilities=frozenset({"medical"}), strength=50)
    result = match([*units, medics], [first, second, medical], ORDER)
    assert isinstance(result, Shortfall)
    assert result.shortages == ()
    (competition,) = result.competitions
    assert competition.requirements == ("R1", "R2")
    assert competition.shared_units == ("A", "B", "C", "D")
    assert "R1 (engineers, 600 by 2022-01-16 in KGZ) and R2" in competition.text
    assert "cannot all be met together, though each can alone" in competition.text
    assert (
        "together they need 950 personnel, and their eligible units total 900" in competition.text
    )


# -- the greedy baseline --------------------------------------------------------------------------


def test_greedy_can_arrive_later_than_the_exact_answer():
    only_first = (Caveat(CaveatKind.ONLY_IN, frozenset({"KAZ"})),)
    units = [
        unit("fast", days=1),
        unit("only-for-R1", days=3, caveats=only_first),
        unit("slow", days=9),
    ]
    requirements = [
        requirement("R1", by=5, where="KAZ"),
        requirement("R2", by=10, where="KGZ"),
    ]
    exact, baseline = match(units, requirements, ORDER), greedy(units, requirements, ORDER)
    assert isinstance(exact, Proposal)
    assert baseline is not None
    assert baseline.latest_arrival - exact.latest_arrival == 6
    assert exact.assignment == {"R1": ["only-for-R1"], "R2": ["fast"]}
    assert not baseline.optimal


def test_greedy_can_fail_where_the_exact_answer_exists():
    only_first = (Caveat(CaveatKind.ONLY_IN, frozenset({"KAZ"})),)
    units = [unit("fast", days=1), unit("only-for-R1", days=3, caveats=only_first)]
    requirements = [requirement("R1", by=5, where="KAZ"), requirement("R2", by=10)]
    assert greedy(units, requirements, ORDER) is None
    assert isinstance(match(units, requirements, ORDER), Proposal)


# -- instances and the CLI ------------------------------------------------------------------------


def sample_instance() -> Instance:
    units = (
        unit("KAZ-1", strength=200),
        unit("RUS-1", state="RUS", caveats=(Caveat(CaveatKind.NOT_ON_PARTY_TERRITORY),)),
        unit("ARM-1", state="ARM", available_until=day(30), busy=((day(-9), day(-2)),)),
    )
    needed = requirement(strength=250, parties_to_dispute=frozenset({"KGZ", "TJK"}))
    return Instance(units, (needed,), ORDER)


def test_an_instance_survives_a_round_trip_through_json(tmp_path: Path):
    path = tmp_path / "instance.json"
    dump_instance(sample_instance(), path)
    assert load_instance(path) == sample_instance()


def test_the_cli_prints_the_proposal_and_its_figures(tmp_path: Path):
    path = tmp_path / "instance.json"
    dump_instance(sample_instance(), path)
    result = runner.invoke(app, ["forces", "match", str(path), "--greedy"])
    assert result.exit_code == 0, result.output
    assert "R1 (engineers, 250 by 2022-01-16 in KGZ): 300 personnel" in result.output
    assert "KAZ-1 (KAZ, 200, arrives 2022-01-08)" in result.output
    assert "ARM-1 (ARM, 100, arrives 2022-01-08)" in result.output
    assert "largest state share: 200; personnel committed: 300 (optimal" in result.output
    assert "greedy: latest arrival day 2 (+0)" in result.output
    data = json.loads(runner.invoke(app, ["forces", "match", str(path), "--json"]).output)
    assert data["proposal"]["total_strength"] == 300
    assert [u["unit"] for u in data["proposal"]["assignment"]["R1"]] == ["KAZ-1", "ARM-1"]


def test_the_cli_explains_a_shortfall_and_exits_1(tmp_path: Path):
    data = instance_dict(sample_instance())
    data["requirements"][0]["strength"] = 5000
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data))
    result = runner.invoke(app, ["forces", "match", str(path)])
    assert result.exit_code == 1
    assert "300 personnel eligible, 4700 short" in result.output
    assert "1 unit's caveat excludes KGZ" in result.output


BROKEN = {
    "negative strength": (
        lambda d: d["units"][1].update(strength=-5),
        "units[1] (RUS-1): strength: must be a positive integer, not -5",
    ),
    "missing field": (
        lambda d: d["requirements"][0].pop("where"),
        "requirements[0] (R1): missing field 'where'",
    ),
    "unknown caveat kind": (
        lambda d: d["units"][1]["caveats"][0].update(kind="never_on_sundays"),
        "units[1] (RUS-1): caveats[0]: kind: one of not_in, only_in, not_on_party_territory",
    ),
    "needed before the order": (
        lambda d: d["requirements"][0].update(needed_by="2022-01-01"),
        "requirements[0] (R1): needed_by: 2022-01-01 is before the order's start 2022-01-06",
    ),
    "not JSON": (None, "cannot read a JSON instance"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_cli_names_the_broken_field_and_exits_2(tmp_path: Path, case: str):
    breaks, message = BROKEN[case]
    data = instance_dict(sample_instance())
    path = tmp_path / "broken.json"
    if breaks is None:
        path.write_text("{not json")
    else:
        breaks(data)
        path.write_text(json.dumps(data))
    result = runner.invoke(app, ["forces", "match", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
