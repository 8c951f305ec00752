import dataclasses
import datetime as dt

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.cases.commands import Deploy, FileRequest
from accord.rules.chairmanship import Chairing, chair_on, rule_on_chair
from accord.rules.rulebook import Rulebook
from accord.rules.vote import Outcome, Vote
from tests.builders import InMemoryAccord

JAN_2022 = dt.datetime(2022, 1, 5, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))
SUPPORTING = ["BLR", "KAZ", "KGZ", "RUS", "TJK"]


def adopted_with_armenia_standing_aside(csto) -> tuple[InMemoryAccord, Vote | None]:
    accord = InMemoryAccord(csto, JAN_2022)
    accord.do(
        "KAZ", FileRequest(article="CST-4", threat="aggression", aggressor="non_state", where="KAZ")
    )
    accord.do("chair", ConveneSession(body="CSC", extraordinary=True, about="case-1"))
    accord.do(
        "chair", TableDraft(session="session-1", kind="peacekeeping_operation", case="case-1")
    )
    for state in SUPPORTING:
        accord.do(state, StatePosition(draft="draft-1", position="support"))
    accord.do("ARM", StatePosition(draft="draft-1", position="stand_aside"))
    closing = accord.do("chair", CloseDraft(draft="draft-1"))
    return accord, Vote.of(closing.ruling)


def test_a_closed_draft_answers_with_a_typed_vote_and_the_same_details_as_before(csto):
    accord, vote = adopted_with_armenia_standing_aside(csto)
    assert vote == Vote(Outcome.ADOPTED_RESTRICTED, (), ("ARM",), (), tuple(SUPPORTING))
    closed = accord.world[BODIES].drafts["draft-1"]
    assert (closed.outcome, closed.standing_aside) == ("adopted_restricted", ("ARM",))
    entry = list(accord.journal.entries())[-1]
    assert entry.details["outcome"] == "adopted_restricted"
    assert entry.details["standing_aside"] == ["ARM"]


def test_a_member_that_stood_aside_sends_no_contingent_and_none_of_its_units_is_proposed(csto):
    accord, _ = adopted_with_armenia_standing_aside(csto)
    assert accord.world[BODIES].standing_aside(["draft-1"]) == {"ARM": "draft-1"}
    refused = accord.do("CSC", Deploy(case="case-1", contingents={"ARM": 100, "RUS": 1500}))
    assert not refused.allowed
    assert "ARM stood aside on draft-1" in refused.ruling.reasons[-1].text
    assert "CHARTER-12" in refused.ruling.articles
    assert accord.do("CSC", Deploy(case="case-1", contingents={"RUS": 1500})).allowed


def test_a_draft_that_cannot_be_counted_answers_with_no_vote(csto):
    accord = InMemoryAccord(csto, JAN_2022)
    accord.do("chair", ConveneSession(body="CSC"))
    accord.do("chair", TableDraft(session="session-1", kind="statement", subject="KAZ"))
    accord.do("KAZ", StatePosition(draft="draft-1", position="support"))
    closing = accord.do("chair", CloseDraft(draft="draft-1"))
    assert closing.ruling.details["outcome"] == "adopted"
    assert Vote.of(closing.ruling).outcome is Outcome.ADOPTED
    assert Vote.of(rule_on_chair(Rulebook.as_of(csto, JAN_2022.date()))) is None


def test_the_chair_is_a_typed_answer_recorded_or_projected(csto):
    recorded = Chairing.of(rule_on_chair(Rulebook.as_of(csto, JAN_2022.date())))
    assert dataclasses.astuple(recorded)[:2] == ("ARM", "recorded")
    assert chair_on(Rulebook.as_of(csto, dt.date(1995, 1, 1))) is None
