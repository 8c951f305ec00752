"""The convene handler applies the session law of its day, and a refusal changes nothing."""

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from accord.bodies.commands import ConveneSession, Requesters
from accord.bodies.model import BODIES
from tests.builders import InMemoryAccord

UTC = dt.UTC


def at(year, month, day):
    return dt.datetime(year, month, day, 12, tzinfo=UTC)


def test_in_1996_one_requester_is_refused_and_two_convene_the_council(csto):
    accord = InMemoryAccord(csto, at(1996, 5, 1))
    one = accord.do("CSC", ConveneSession(body="CSC", extraordinary=True, requested_by=("KAZ",)))
    assert not one.allowed
    assert accord.world[BODIES].sessions == {}
    two = accord.do(
        "CSC", ConveneSession(body="CSC", extraordinary=True, requested_by=("KAZ", "RUS"))
    )
    assert two.allowed, two.ruling.reasons
    assert two.ruling.articles == ("CST-3",)
    session = accord.world[BODIES].sessions["session-1"]
    assert session.requested_by == ("KAZ", "RUS")
    assert session.chair is None


def test_before_a_chair_is_recorded_the_chair_does_not_convene(csto):
    accord = InMemoryAccord(csto, at(2005, 1, 6))
    refused = accord.do("chair", ConveneSession(body="CSC"))
    assert not refused.allowed
    assert "none is recorded" in refused.ruling.reasons[0].text
    assert accord.world[BODIES].sessions == {}


@pytest.mark.parametrize(("day", "allowed"), [(at(2020, 12, 1), False), (at(2020, 12, 2), True)])
def test_a_csc_by_video_only_from_2_december_2020(csto, day, allowed):
    accord = InMemoryAccord(csto, day)
    ruling = accord.do("chair", ConveneSession(body="CSC", format="videoconference"))
    assert ruling.allowed is allowed
    assert len(accord.world[BODIES].sessions) == (1 if allowed else 0)
    assert "CHARTER-13" in ruling.ruling.articles


def test_one_requester_may_be_written_alone_and_a_list_names_each_state_once():
    adapter = TypeAdapter(Requesters)
    assert adapter.validate_python("kaz") == ("KAZ",)
    with pytest.raises(ValidationError):
        adapter.validate_python(["KAZ", "KAZ"])
    with pytest.raises(ValidationError):
        adapter.validate_python(["XXX"])
