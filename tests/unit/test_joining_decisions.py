"""A member that stood aside from a decision, or was absent, joins it later (CHARTER-12)."""

from accord.bodies.commands import JoinDecision, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.cases.commands import Deploy
from tests.unit.test_typed_outcomes import adopted_with_armenia_standing_aside


def test_a_member_that_stood_aside_joins_and_may_then_send_a_contingent(csto):
    accord, _ = adopted_with_armenia_standing_aside(csto)
    joined = accord.do("ARM", JoinDecision(draft="draft-1"))
    assert joined.allowed, joined.ruling.reasons
    assert joined.ruling.articles == ("CHARTER-12",)
    draft = accord.world[BODIES].drafts["draft-1"]
    assert (draft.standing_aside, draft.joined, draft.left_out) == (("ARM",), ("ARM",), ())
    assert accord.world[BODIES].standing_aside(["draft-1"]) == {}
    assert accord.do("CSC", Deploy(case="case-1", contingents={"ARM": 100, "RUS": 1500})).allowed
    entry = list(accord.journal.entries())[-2]
    assert (entry.command, entry.actor, entry.allowed) == ("join_decision", "ARM", True)


def test_a_member_joins_once_and_one_that_supported_has_nothing_to_join(csto):
    accord, _ = adopted_with_armenia_standing_aside(csto)
    assert accord.do("ARM", JoinDecision(draft="draft-1")).allowed
    again = accord.do("ARM", JoinDecision(draft="draft-1"))
    supporter = accord.do("KAZ", JoinDecision(draft="draft-1"))
    for refused in (again, supporter):
        assert not refused.allowed
        assert "nothing to join" in refused.ruling.reasons[-1].text
    assert accord.world[BODIES].drafts["draft-1"].joined == ("ARM",)


def test_an_open_draft_is_no_decision_to_join(csto):
    accord, _ = adopted_with_armenia_standing_aside(csto)
    accord.do("chair", TableDraft(session="session-1", kind="statement", subject="KAZ"))
    accord.do("ARM", StatePosition(draft="draft-2", position="stand_aside"))
    refused = accord.do("ARM", JoinDecision(draft="draft-2"))
    assert not refused.allowed
    assert "still open" in refused.ruling.reasons[-1].text
    assert accord.world[BODIES].drafts["draft-2"].joined == ()
