"""Handlers: a request naming a party as aggressor, its case and the drafts about it."""

import datetime as dt

import pytest

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.cases.changes import CASES
from accord.cases.commands import FileRequest
from accord.kernel.errors import InvalidInput
from tests.builders import InMemoryAccord

MARCH_2022 = dt.datetime(2022, 3, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))
MEMBERS_2022 = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, MARCH_2022)


def consultations_against(accord, aggressor):
    return accord.do(
        "KGZ",
        FileRequest(
            article="CST-2",
            threat="aggression",
            aggressor=aggressor,
            threatened=("territorial_integrity",),
        ),
    )


def test_collective_defence_against_a_party_is_refused_under_art_1_and_records_nothing(accord):
    refused = accord.do(
        "KGZ", FileRequest(article="CST-4", threat="aggression", aggressor="TJK")
    ).ruling
    assert not refused.allowed
    assert "CST-1" in refused.articles
    assert refused.confidence.value == "unverified"
    assert refused.details["parties_to_dispute"] == ["KGZ", "TJK"]
    assert "CST-2" in refused.reasons[-1].text
    assert accord.world[CASES] == {}


def test_a_case_filed_against_a_party_knows_both_parties_to_the_dispute(accord):
    filed = consultations_against(accord, "tjk")
    assert filed.ruling.allowed
    case = accord.world[CASES]["case-1"]
    assert case.parties_to_dispute == ("KGZ", "TJK")
    assert case.aggressor == "TJK"
    assert any("peacefully" in line for line in filed.ruling.details["obligations"])


def test_a_named_state_that_is_no_party_is_aggression_from_outside(accord):
    filed = accord.do(
        "ARM", FileRequest(article="CST-4", threat="aggression", aggressor="AZE", where="ARM")
    ).ruling
    assert filed.allowed
    assert filed.details["role"] == "collective_defence"
    assert filed.details["parties_to_dispute"] == []
    assert "CST-1" not in filed.articles


@pytest.mark.parametrize(
    ("aggressor", "says"),
    [("XXX", "alpha-3"), ("martians", "non_state"), ("KGZ", "requester or the state attacked")],
)
def test_a_bad_aggressor_is_refused_naming_the_field_and_changes_nothing(accord, aggressor, says):
    with pytest.raises(InvalidInput) as refused:
        consultations_against(accord, aggressor)
    assert refused.value.field == "aggressor"
    assert says in str(refused.value)
    assert accord.world[CASES] == {}


def test_a_draft_about_the_case_takes_its_parties_and_one_of_them_blocks_it(accord):
    consultations_against(accord, "TJK")
    accord.do("chair", ConveneSession(body="CSC", extraordinary=True, about="case-1"))
    tabled = accord.do("KGZ", TableDraft(session="session-1", kind="mediation", case="case-1"))
    assert tabled.ruling.allowed
    assert accord.world[BODIES].drafts["draft-1"].parties_to_dispute == ("KGZ", "TJK")
    for state in MEMBERS_2022:
        position = "object" if state == "TJK" else "support"
        assert accord.do(state, StatePosition(draft="draft-1", position=position)).ruling.allowed
    closed = accord.do("chair", CloseDraft(draft="draft-1")).ruling
    assert closed.details["outcome"] == "blocked"
    assert closed.details["blocked_by"] == ["TJK"]
    assert closed.confidence.value == "unverified"
    assert any("party to the dispute" in reason.text for reason in closed.reasons)


def test_a_draft_about_a_case_may_not_name_other_parties_to_the_dispute(accord):
    consultations_against(accord, "TJK")
    accord.do("chair", ConveneSession(body="CSC", extraordinary=True, about="case-1"))
    with pytest.raises(InvalidInput) as refused:
        accord.do(
            "KGZ",
            TableDraft(
                session="session-1",
                kind="statement",
                case="case-1",
                parties_to_dispute=("ARM", "KGZ"),
            ),
        )
    assert refused.value.field == "parties_to_dispute"
    assert accord.world[BODIES].drafts == {}


def test_a_draft_without_a_case_may_name_the_parties_to_the_dispute_but_not_one(accord):
    accord.do("chair", ConveneSession(body="CSC"))
    with pytest.raises(InvalidInput, match="at least two"):
        accord.do(
            "chair", TableDraft(session="session-1", kind="statement", parties_to_dispute=("KGZ",))
        )
    tabled = accord.do(
        "chair",
        TableDraft(session="session-1", kind="statement", parties_to_dispute=("tjk", "KGZ")),
    )
    assert tabled.ruling.allowed
    assert accord.world[BODIES].drafts["draft-1"].parties_to_dispute == ("KGZ", "TJK")
