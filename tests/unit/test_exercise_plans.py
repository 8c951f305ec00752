"""The annual exercise plan: the Joint Staff proposes, an adopted CDM decision puts it in effect."""

import datetime as dt
from dataclasses import replace

import pytest

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.contexts import empty_world
from accord.exercises.availability import exercise_busy_windows
from accord.exercises.commands import AdoptExercisePlan, PlannedExercise, ProposeExercisePlan
from accord.exercises.model import EXERCISES
from accord.forces.commands import PledgeUnit
from accord.kernel.errors import InvalidInput
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord

MEMBERS_2021 = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
NOV_2021 = dt.datetime(2021, 11, 1, 9, 0, tzinfo=dt.UTC)
# Test data in the shape of c.3's exercises, not a historical record.
INTERACTION = PlannedExercise(
    name="Interaction-2022",
    kind="Interaction",
    host="KAZ",
    start=dt.date(2022, 9, 26),
    end=dt.date(2022, 9, 30),
    troop_cap=1500,
    participants=("RUS", "KGZ", "TJK"),
)
COBALT = PlannedExercise(
    name="Cobalt-2022",
    kind="cobalt",
    host="TJK",
    start=dt.date(2022, 11, 14),
    end=dt.date(2022, 11, 18),
    troop_cap=400,
)


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, NOV_2021)


def propose(accord, *exercises, year=2022, by="JOINT_STAFF"):
    return accord.do(by, ProposeExercisePlan(year=year, exercises=exercises))


def cdm_decision(accord, kind="exercise_plan", positions=None):
    """A CDM session, a draft of ``kind``, every member's position, and the draft closed."""
    accord.do("chair", ConveneSession(body="CDM"))
    session = f"session-{len(accord.world[BODIES].sessions)}"
    tabled = accord.do("chair", TableDraft(session=session, kind=kind, text="the 2022 plan"))
    draft = tabled.created["draft"]
    for state in MEMBERS_2021:
        position = (positions or {}).get(state, "support")
        assert accord.do(state, StatePosition(draft=draft, position=position)).allowed
    accord.do("chair", CloseDraft(draft=draft))
    return draft


def pledged_unit(accord, state="KAZ"):
    pledged = accord.do(state, PledgeUnit(unit="an air assault battalion", strength=400))
    return pledged.created["unit"]


def adopted_plan(accord, *exercises):
    plan = propose(accord, *(exercises or (INTERACTION,))).created["exercise_plan"]
    result = accord.do(
        "secretary_general", AdoptExercisePlan(plan=plan, decision=cdm_decision(accord))
    )
    assert result.allowed, result.ruling.reasons
    return plan


def test_the_joint_staff_proposes_a_plan_that_waits_for_a_decision(accord):
    result = propose(accord, INTERACTION, COBALT)
    assert result.allowed
    assert result.created == {"exercise_plan": "plan-2022-1"}
    assert result.ruling.details["exercises"] == ["exercise-1", "exercise-2"]
    plan = accord.world[EXERCISES].plans["plan-2022-1"]
    assert (plan.status, plan.exercises) == ("proposed", ("exercise-1", "exercise-2"))
    interaction = accord.world[EXERCISES].exercises["exercise-1"]
    assert (interaction.kind, interaction.status) == ("interaction", "proposed")
    assert interaction.participants == ("KAZ", "KGZ", "RUS", "TJK")


def test_an_adopted_cdm_decision_puts_the_plan_into_effect_citing_the_cdm_power(accord):
    unit = pledged_unit(accord)
    planned = replace(INTERACTION, units=(unit,))
    plan = propose(accord, planned).created["exercise_plan"]
    assert exercise_busy_windows(accord.world) == {}
    draft = cdm_decision(accord)

    result = accord.do("secretary_general", AdoptExercisePlan(plan=plan, decision=draft))

    assert result.allowed
    assert result.ruling.articles == ("CHARTER-15",)
    plan_record = accord.world[EXERCISES].plans[plan]
    assert (plan_record.status, plan_record.decision) == ("adopted", draft)
    assert plan_record.decided_by == "CDM"
    assert accord.world[EXERCISES].exercises["exercise-1"].status == "adopted"
    assert exercise_busy_windows(accord.world) == {unit: [(INTERACTION.start, INTERACTION.end)]}


@pytest.mark.parametrize(
    ("kind", "positions", "why"),
    [
        ("appointment", None, "is a decision on appointment, not on an exercise plan"),
        ("exercise_plan", {"ARM": "object"}, "is blocked"),
    ],
)
def test_a_plan_is_not_adopted_by_another_kind_of_decision_or_a_blocked_one(
    accord, kind, positions, why
):
    plan = propose(accord, INTERACTION).created["exercise_plan"]
    draft = cdm_decision(accord, kind, positions)
    result = accord.do("secretary_general", AdoptExercisePlan(plan=plan, decision=draft))
    assert not result.allowed
    assert why in result.ruling.reasons[-1].text
    assert result.events == ()
    assert accord.world[EXERCISES].plans[plan].status == "proposed"


def test_a_plan_adopted_once_is_not_adopted_again_and_its_year_takes_no_second_plan(accord):
    plan = adopted_plan(accord)
    again = accord.do("JOINT_STAFF", AdoptExercisePlan(plan=plan, decision="draft-1"))
    assert not again.allowed
    assert "was adopted on" in again.ruling.reasons[-1].text
    second = propose(accord, COBALT)
    assert not second.allowed
    assert "change its exercises" in second.ruling.reasons[-1].text


@pytest.mark.parametrize("by", ["KAZ", "chair", "CDM"])
def test_only_the_joint_staff_proposes_the_plan(accord, by):
    result = propose(accord, INTERACTION, by=by)
    assert not result.allowed
    assert "JOINT_STAFF" in result.ruling.reasons[0].text
    assert accord.world[EXERCISES].plans == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"end": dt.date(2022, 9, 20)}, "exercises[0].end"),
        ({"troop_cap": 0}, "exercises[0].troop_cap"),
        ({"start": dt.date(2023, 9, 26), "end": dt.date(2023, 9, 30)}, "exercises[0].start"),
        ({"kind": "parade"}, "exercises[0].kind"),
        ({"host": "Kazakhstan"}, "exercises[0].host"),
        ({"name": "  "}, "exercises[0].name"),
        ({"units": ("unit-9",)}, "exercises[0].units"),
    ],
)
def test_bad_input_is_refused_naming_its_field_and_nothing_is_written(accord, change, field):
    with pytest.raises(InvalidInput) as caught:
        propose(accord, replace(INTERACTION, **change))
    assert caught.value.field == field
    assert len(accord.journal) == 0


def test_a_unit_of_a_state_not_taking_part_is_refused(accord):
    unit = pledged_unit(accord, "BLR")
    with pytest.raises(InvalidInput) as caught:
        propose(accord, replace(INTERACTION, units=(unit,)))
    assert caught.value.field == "exercises[0].units"
    assert "BLR, which does not take part" in caught.value.rule
    assert accord.world[EXERCISES].plans == {}


def test_an_empty_plan_and_a_twice_planned_exercise_are_refused(accord):
    with pytest.raises(InvalidInput) as empty:
        propose(accord)
    assert empty.value.field == "exercises"
    with pytest.raises(InvalidInput) as twice:
        propose(accord, INTERACTION, replace(COBALT, name="interaction-2022"))
    assert twice.value.field == "exercises[1].name"


def test_a_host_that_is_not_a_member_on_the_last_day_is_refused(csto):
    # Uzbekistan's membership was suspended from 19 Dec 2012 (members/UZB.yaml).
    accord = InMemoryAccord(csto, dt.datetime(2012, 11, 1, tzinfo=dt.UTC))
    straddling = PlannedExercise(
        "Rubezh-2012", "rubezh", "UZB", dt.date(2012, 12, 15), dt.date(2012, 12, 22), 300
    )
    result = propose(accord, straddling, year=2012)
    assert not result.allowed
    assert "suspended" in result.ruling.reasons[-1].text
    assert "REG-SUSPENSION-2004" in result.ruling.articles
    assert result.events == ()
    assert list(accord.journal.entries())[-1].allowed is False


def test_the_journal_alone_rebuilds_the_plans_and_their_exercises(accord, csto):
    adopted_plan(accord, INTERACTION, COBALT)
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert rebuilt[EXERCISES] == accord.world[EXERCISES]
