"""A change of status takes effect at the instant of the decision or notice that makes it, not
at the midnight before it (issue 14)."""

import datetime as dt

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.kernel.time import Period
from accord.membership.commands import DeclareParticipationFrozen, NotifyWithdrawal
from accord.rules.charter import StatusPeriod
from tests.builders import InMemoryAccord

DAY = dt.date(2015, 5, 1)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2015, 5, 1, hour, minute, tzinfo=dt.UTC)


def kyrgyzstan_suspended_at_11_09(csto) -> InMemoryAccord:
    """A CSC session that suspends Kyrgyzstan by a decision closed at 11:09, with two other
    drafts open on its agenda."""
    accord = InMemoryAccord(csto, at(9))
    assert accord.do("chair", ConveneSession(body="CSC")).allowed
    assert accord.do(
        "chair", TableDraft(session="session-1", kind="suspension", subject="KGZ")
    ).allowed
    for _ in range(2):
        assert accord.do("chair", TableDraft(session="session-1", kind="statement")).allowed
    for state in ["ARM", "BLR", "KAZ", "RUS", "TJK"]:
        assert accord.do(state, StatePosition(draft="draft-1", position="support")).allowed
    early = accord.do("KGZ", StatePosition(draft="draft-2", position="support"), at=at(10))
    assert early.allowed, early.ruling.reasons
    closed = accord.do("chair", CloseDraft(draft="draft-1"), at=at(11, 9))
    assert closed.ruling.details["outcome"] == "adopted"
    return accord


def test_a_state_suspended_at_11_09_states_its_position_at_10_and_is_refused_at_11_10(csto):
    accord = kyrgyzstan_suspended_at_11_09(csto)
    late = accord.do("KGZ", StatePosition(draft="draft-3", position="support"), at=at(11, 10))
    assert not late.allowed
    assert "suspended since 2015-05-01 11:09+00:00" in late.ruling.reasons[0].text
    assert set(accord.world[BODIES].drafts["draft-2"].positions) == {"KGZ"}


def test_the_rulebook_at_an_instant_sees_the_status_then_and_a_bare_day_its_end(csto):
    accord = kyrgyzstan_suspended_at_11_09(csto)
    rulebook = accord.world.rulebook
    assert rulebook(at(11, 8)).status_name("KGZ") == "member"
    assert rulebook(at(11, 9)).status_name("KGZ") == "suspended"
    assert rulebook(DAY).status_name("KGZ") == "suspended"
    assert rulebook(DAY - dt.timedelta(days=1)).status_name("KGZ") == "member"
    assert rulebook(at(11, 9)).status("KGZ").period.since == "2015-05-01 11:09+00:00"


def test_a_frozen_participation_is_declared_at_an_instant(csto):
    accord = InMemoryAccord(csto, dt.datetime(2023, 6, 1, 10, 0, tzinfo=dt.UTC))
    assert accord.do("ARM", DeclareParticipationFrozen()).allowed
    declared = accord.now
    assert accord.world.rulebook(declared - dt.timedelta(seconds=1)).frozen("ARM") is None
    assert accord.world.rulebook(declared).frozen("ARM") is not None
    assert accord.world.rulebook(declared.date()).frozen("ARM") is not None


def test_a_notice_running_out_on_a_later_day_takes_effect_at_the_start_of_that_day(csto):
    accord = InMemoryAccord(csto, dt.datetime(2026, 3, 1, 15, 30, tzinfo=dt.UTC))
    assert accord.do("ARM", NotifyWithdrawal()).allowed
    effective = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    assert accord.world.rulebook(effective - dt.timedelta(minutes=1)).status_name("ARM") == "member"
    assert accord.world.rulebook(effective).status_name("ARM") == "withdrawn"


def test_two_changes_on_one_day_each_hold_from_their_instant(csto):
    source = csto.states["KGZ"].history[-1].source
    changed = csto.states["KGZ"]
    for status, hour in (("suspended", 11), ("member", 15)):
        period = Period(DAY, None, at(hour))
        changed = changed.with_status(StatusPeriod(status, period, source))
    assert changed.status_at(at(10)).status == "member"
    assert changed.status_at(at(12)).status == "suspended"
    assert changed.status_at(at(12)).period.end_at == at(15)
    assert changed.status_at(at(15)).status == "member"
    assert changed.status_on(DAY).status == "member"
    assert changed.status_on(DAY - dt.timedelta(days=1)).status == "member"
