"""Pledges with their dated history, verification visits, requirements, units deployed."""

import datetime as dt

import pytest

from accord.bodies.commands import CloseDraft
from accord.cases.changes import CASES
from accord.cases.commands import Deploy, WithdrawForces
from accord.contexts import empty_world
from accord.forces.commands import (
    ChangePledge,
    PledgeUnit,
    RecordVerificationVisit,
    StateRequirements,
    WithdrawPledge,
)
from accord.forces.model import REQUIREMENTS, UNITS
from accord.kernel.errors import InvalidInput
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord
from tests.unit.test_crisis_workflow import (
    JAN_2022,
    everyone,
    kazakhstan_request,
    session_and_draft,
)

AIRBORNE = PledgeUnit(
    unit="31st air assault brigade",
    strength=1500,
    kind="brigade",
    formation="collective_peacekeeping_forces",
    readiness_days=2,
    capabilities=("airborne", "reconnaissance"),
    caveats={"not_on_party_territory": ()},
)


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, JAN_2022)


def decided(accord):
    """Kazakhstan's request of January 2022 and the CSC's peacekeeping decision on it."""
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1")
    assert accord.do("chair", CloseDraft(draft="draft-1")).allowed


def test_a_pledge_records_capabilities_caveats_and_the_formation_s_legal_basis(accord):
    result = accord.do("RUS", AIRBORNE)
    assert result.allowed
    assert "Agreement on Peacekeeping Activities" in result.ruling.reasons[0].text
    unit = accord.world[UNITS]["unit-1"]
    assert (unit.state, unit.capabilities, unit.readiness_level) == (
        "RUS",
        ("airborne", "reconnaissance"),
        "level_1",
    )
    assert unit.caveats == {"not_on_party_territory": ()}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"strength": 0}, "strength"),
        ({"readiness_days": -1}, "readiness_days"),
        ({"capabilities": ("cavalry",)}, "capabilities"),
        ({"caveats": {"never_on_tuesdays": ()}}, "caveats.never_on_tuesdays"),
        ({"caveats": {"not_in": ("Narnia",)}}, "caveats.not_in"),
        ({"formation": "foreign_legion"}, "formation"),
        (
            {"available_from": dt.date(2022, 3, 1), "available_until": dt.date(2022, 2, 1)},
            "available_until",
        ),
    ],
)
def test_a_bad_pledge_names_its_field_and_records_nothing(accord, change, field):
    fields = {**AIRBORNE.to_dict(), **change}
    with pytest.raises(InvalidInput) as caught:
        accord.do("RUS", PledgeUnit(**fields))
    assert caught.value.field == field
    assert len(accord.journal) == 0


def test_a_formation_takes_pledges_only_from_its_basis_on_and_from_its_members(csto):
    early = InMemoryAccord(csto, dt.datetime(2005, 3, 1, 12, 0))
    refused = early.do("RUS", PledgeUnit(unit="98th division", strength=4000))
    assert not refused.allowed
    assert "exists only from 2009-06-14" in refused.ruling.reasons[-1].text
    later = InMemoryAccord(csto, dt.datetime(2015, 3, 1, 12, 0))
    grouping = PledgeUnit(unit="a brigade", strength=2000, formation="regional_grouping_caucasus")
    assert not later.do("KAZ", grouping).allowed
    assert later.do("ARM", grouping).allowed


def test_only_the_pledging_state_changes_its_pledge_and_every_change_keeps_its_reason(accord):
    accord.do("RUS", AIRBORNE)
    other = accord.do("BLR", ChangePledge(unit="unit-1", reason="mine now", strength=10))
    assert not other.allowed
    assert "only RUS may change its pledge" in other.ruling.reasons[0].text
    assert accord.do("RUS", ChangePledge(unit="unit-1", reason="rotation", strength=1200)).allowed
    with pytest.raises(InvalidInput) as caught:
        accord.do("RUS", ChangePledge(unit="unit-1", reason=" ", strength=1100))
    assert caught.value.field == "reason"
    unit = accord.world[UNITS]["unit-1"]
    assert unit.strength == 1200
    assert [what for _, what in unit.history] == [
        "pledged to collective_peacekeeping_forces (1500)",
        "strength 1200: rotation",
    ]


def test_the_joint_staff_verifies_a_unit_and_raises_its_readiness_level(accord):
    accord.do("RUS", AIRBORNE)
    visit = RecordVerificationVisit(unit="unit-1", visited_on=dt.date(2022, 1, 4), level="level_2")
    assert not accord.do("RUS", visit).allowed
    assert accord.do("JOINT_STAFF", visit).allowed
    assert accord.world[UNITS]["unit-1"].readiness_level == "level_2"
    with pytest.raises(InvalidInput) as caught:
        accord.do("JOINT_STAFF", RecordVerificationVisit("unit-1", dt.date(2030, 1, 1), "level_3"))
    assert caught.value.field == "visited_on"
    with pytest.raises(InvalidInput) as caught:
        accord.do("JOINT_STAFF", RecordVerificationVisit("unit-1", dt.date(2022, 1, 1), "gold"))
    assert caught.value.field == "level"


REQUIREMENT = {
    "capability": "airborne",
    "strength": 1500,
    "needed_by": "2022-01-08",
    "where": "KAZ",
}


def test_requirements_serve_an_adopted_decision_only(accord):
    kazakhstan_request(accord)
    early = accord.do("JOINT_STAFF", StateRequirements(case="case-1", requirements=(REQUIREMENT,)))
    assert not early.allowed
    assert "no adopted decision on case-1" in early.ruling.reasons[0].text
    session_and_draft(accord)
    everyone(accord, "draft-1")
    accord.do("chair", CloseDraft(draft="draft-1"))
    stated = accord.do("JOINT_STAFF", StateRequirements(case="case-1", requirements=(REQUIREMENT,)))
    assert stated.allowed
    [requirement] = accord.world[REQUIREMENTS]["case-1"].requirements
    assert (requirement.id, requirement.needed_by) == ("R1", dt.date(2022, 1, 8))
    with pytest.raises(InvalidInput) as caught:
        accord.do(
            "JOINT_STAFF",
            StateRequirements(case="case-1", requirements=({**REQUIREMENT, "strength": -3},)),
        )
    assert caught.value.field == "requirements.0.strength"


def test_units_deployed_on_a_case_make_its_contingents_and_cannot_be_sent_twice(accord, csto):
    accord.do("RUS", AIRBORNE)
    accord.do(
        "BLR",
        PledgeUnit(
            unit="103rd brigade company", strength=200, formation="collective_peacekeeping_forces"
        ),
    )
    accord.do("KGZ", PledgeUnit(unit="a rifle company", strength=150))
    decided(accord)
    wrong = accord.do("CSC", Deploy(case="case-1", units=("unit-3",)))
    assert not wrong.allowed
    assert "pledged to collective_rapid_reaction_forces" in wrong.ruling.reasons[0].text
    sent = accord.do("CSC", Deploy(case="case-1", units=("unit-1", "unit-2")))
    assert sent.allowed, sent.ruling.reasons
    deployment = accord.world[CASES]["case-1"].deployments[0]
    assert deployment.contingents == {"RUS": 1500, "BLR": 200}
    again = accord.do("CSC", Deploy(case="case-1", units=("unit-1",)))
    assert "unit-1 is already deployed on case-1" in again.ruling.reasons[0].text
    home = accord.do("RUS", WithdrawPledge(unit="unit-1", reason="needed at home"))
    assert (
        home.ruling.reasons[0].text == "unit-1 is deployed on a case: withdraw it from there first"
    )
    kazakhstan_request(accord)
    session_and_draft(accord, case="case-2")
    everyone(accord, "draft-2")
    assert accord.do("chair", CloseDraft(draft="draft-2")).allowed
    elsewhere = accord.do("CSC", Deploy(case="case-2", units=("unit-1",)))
    assert "unit-1 is already deployed on another case" in elsewhere.ruling.reasons[0].text
    accord.do("CDM", WithdrawForces(case="case-1", contingents=("RUS",)))
    assert accord.do("RUS", WithdrawPledge(unit="unit-1", reason="needed at home")).allowed
    with pytest.raises(InvalidInput) as caught:
        accord.do("CSC", Deploy(case="case-1", units=("unit-2",), contingents={"BLR": 1}))
    assert caught.value.field == "units"
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert rebuilt[UNITS] == accord.world[UNITS]
    assert rebuilt[CASES] == accord.world[CASES]
