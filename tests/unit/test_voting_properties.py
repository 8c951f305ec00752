import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.rulebook import Rulebook
from accord.rules.voting import rule_on_outcome

AFTER_2010 = dt.date(2016, 6, 1)
BEFORE_2010 = dt.date(2008, 6, 1)
MEMBERS_2016 = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
# Loaded once here, not as a fixture: Hypothesis would print the whole charter on failure.
CSTO = load_charter(bundled_charter_path("csto"))


def positions(choices):
    return st.fixed_dictionaries({m: st.sampled_from(choices) for m in MEMBERS_2016})


def outcome(day, said):
    return rule_on_outcome(Rulebook.as_of(CSTO, day), CSTO.bodies["CSC"], said)


@given(positions(["support", "object", "stand_aside", "absent"]))
def test_any_objection_blocks_and_names_every_objector(said):
    ruling = outcome(AFTER_2010, said)
    objectors = sorted(m for m, p in said.items() if p == "object")
    if objectors:
        assert ruling.details["outcome"] == "blocked"
        assert ruling.details["blocked_by"] == objectors


@given(positions(["support", "stand_aside", "absent"]))
def test_without_objection_a_supported_draft_is_adopted_after_2010(said):
    ruling = outcome(AFTER_2010, said)
    supporters = [m for m, p in said.items() if p == "support"]
    aside = sorted(m for m, p in said.items() if p == "stand_aside")
    if not supporters:
        assert ruling.details["outcome"] == "blocked"
    elif aside:
        assert ruling.details["outcome"] == "adopted_restricted"
        assert ruling.details["standing_aside"] == aside
    else:
        assert ruling.details["outcome"] == "adopted"


@given(positions(["support", "stand_aside"]))
def test_standing_aside_is_refused_before_the_restricted_format(said):
    ruling = outcome(BEFORE_2010, {**said, "UZB": "support"})
    if "stand_aside" in said.values():
        assert not ruling.allowed
        assert ruling.details["outcome"] is None
    else:
        assert ruling.details["outcome"] == "adopted"


def test_a_suspended_member_cannot_state_a_position():
    ruling = outcome(AFTER_2010, {"UZB": "object"})
    assert not ruling.allowed
    assert "suspended" in ruling.reasons[0].text


def test_a_frozen_member_keeps_its_veto():
    said = dict.fromkeys(MEMBERS_2016, "support") | {"ARM": "object"}
    ruling = outcome(dt.date(2025, 3, 1), said)
    assert ruling.details["outcome"] == "blocked"
    assert ruling.details["blocked_by"] == ["ARM"]
    assert any("keeps its veto" in reason.text for reason in ruling.reasons)
