"""Re-entry (issue 14): a suspended, withdrawn or non-renewed state comes back through the
admission procedure (CHARTER-19, REG-ADMISSION-2004; Uzbekistan 1999, 2006, 2012 in
treaty-facts a.1 and D7), and a withdrawal names what the member settles before it goes."""

import datetime as dt

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.contexts import empty_world
from accord.membership.commands import ApplyForMembership, NotifyWithdrawal
from accord.membership.model import MEMBERSHIP
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord

SIX = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")


def admit(accord, state):
    assert accord.do("chair", ConveneSession(body="CSC")).allowed
    assert accord.do("chair", TableDraft(session="session-1", kind="admission", subject=state))
    for member in SIX:
        assert accord.do(member, StatePosition(draft="draft-1", position="support")).allowed
    return accord.do("chair", CloseDraft(draft="draft-1"))


def test_suspended_uzbekistan_applies_stays_suspended_and_is_readmitted_by_all(csto):
    accord = InMemoryAccord(csto, dt.datetime(2015, 5, 1, 10, 0))
    applied = accord.do("UZB", ApplyForMembership())
    assert applied.allowed
    assert applied.ruling.details["re_entry"] is True
    assert set(applied.ruling.articles) == {"CHARTER-19", "REG-ADMISSION-2004"}
    assert applied.ruling.confidence.value == "unverified"
    assert "a re-entry: Uzbekistan, suspended since 2012-12-19" in applied.ruling.reasons[1].text
    assert [e.type_name for e in applied.events] == ["membership_applied"]
    assert accord.world.rulebook(dt.date(2015, 5, 1)).status_name("UZB") == "suspended"
    closed = admit(accord, "UZB")
    assert closed.ruling.details["outcome"].startswith("adopted")
    assert accord.world.rulebook(dt.date(2015, 5, 2)).status_name("UZB") == "member"
    assert accord.world.rulebook(dt.date(2015, 4, 30)).status_name("UZB") == "suspended"
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert rebuilt[MEMBERSHIP].changes == accord.world[MEMBERSHIP].changes


def test_a_member_that_withdrew_re_enters_through_admission_once_its_notice_ran(csto):
    accord = InMemoryAccord(csto, dt.datetime(2015, 3, 1, 10, 0))
    notice = accord.do("KGZ", NotifyWithdrawal())
    assert notice.ruling.details["obligations"] == ("obligations_linked_to_withdrawal",)
    early = accord.do("KGZ", ApplyForMembership(), at=dt.datetime(2015, 8, 31, 10, 0))
    assert not early.allowed
    assert "already a member" in early.ruling.reasons[0].text
    assert early.events == ()
    back = accord.do("KGZ", ApplyForMembership(), at=dt.datetime(2015, 9, 2, 10, 0))
    assert back.allowed
    assert back.ruling.details["re_entry"] is True
    assert "withdrawn since 2015-09-01" in back.ruling.reasons[1].text
    assert accord.world.rulebook(dt.date(2015, 9, 2)).status_name("KGZ") == "applicant"


def test_the_withdrawal_ruling_lists_what_the_member_settles_with_its_source(csto):
    accord = InMemoryAccord(csto, dt.datetime(2025, 8, 31, 10, 0))
    ruling = accord.do("KAZ", NotifyWithdrawal()).ruling
    settles = [r for r in ruling.reasons if "settles the obligations linked" in r.text]
    assert len(settles) == 1
    source = settles[0].source
    assert source is not None
    assert (source.cites, source.fact) == ("REG-ADMISSION-2004", "R-CH-WITHDRAW")
    assert ruling.to_dict()["obligations"] == ["obligations_linked_to_withdrawal"]


def test_a_state_never_a_member_is_admitted_not_readmitted(csto):
    accord = InMemoryAccord(csto, dt.datetime(2020, 10, 1, 10, 0))
    applied = accord.do("SRB", ApplyForMembership())
    assert applied.allowed
    assert applied.ruling.details["re_entry"] is False
    assert accord.world.rulebook(dt.date(2020, 10, 1)).status_name("SRB") == "applicant"
