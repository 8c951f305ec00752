import copy
import datetime as dt

import pytest

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.cases.changes import CASES
from accord.cases.commands import CloseCase, Deploy, FileRequest, NotifyUnSecurityCouncil
from accord.contexts import empty_world
from accord.forces.commands import PledgeUnit
from accord.forces.model import UNITS
from accord.kernel.errors import InvalidInput, NotFound
from accord.membership.commands import (
    ApplyForMembership,
    DeclareParticipationFrozen,
    GrantStatus,
    NotifyWithdrawal,
    RequestSuspension,
)
from accord.membership.model import MEMBERSHIP
from accord.partners.model import INSTRUMENTS
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord

MEMBERS_2022 = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
JAN_2022 = dt.datetime(2022, 1, 5, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, JAN_2022)


def kazakhstan_request(accord):
    return accord.do(
        "KAZ", FileRequest(article="CST-4", threat="aggression", aggressor="non_state", where="KAZ")
    )


def session_and_draft(accord, kind="peacekeeping_operation", case="case-1", subject=None):
    accord.do("chair", ConveneSession(body="CSC", extraordinary=True, format="video", about=case))
    session = f"session-{len(accord.world[BODIES].sessions)}"
    return accord.do("chair", TableDraft(session=session, kind=kind, case=case, subject=subject))


def everyone(accord, draft, position="support", members=MEMBERS_2022):
    for state in members:
        assert accord.do(state, StatePosition(draft=draft, position=position)).allowed


def snapshot(world):
    return copy.deepcopy(
        (world[CASES], world[BODIES], world[MEMBERSHIP].changes, world[INSTRUMENTS], world[UNITS])
    )


def test_a_request_opens_a_case_and_a_session_about_it_opens_consultations(accord):
    result = kazakhstan_request(accord)
    assert result.allowed
    assert accord.world[CASES]["case-1"].stage == "requested"
    session_and_draft(accord)
    assert accord.world[CASES]["case-1"].stage == "consultations"


def test_a_refused_command_changes_nothing_but_is_journaled(accord):
    before = snapshot(accord.world)
    result = accord.do(
        "KAZ", FileRequest(article="CST-4", threat="aggression", aggressor="non_state", where="KGZ")
    )
    assert not result.allowed
    assert "CST-4" in result.ruling.articles
    assert snapshot(accord.world) == before
    entry = list(accord.journal.entries())[-1]
    assert entry.allowed is False
    assert entry.events == []
    assert entry.actor == "KAZ"


def test_adoption_moves_the_case_to_decided_and_deployment_to_execution(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1")
    closing = accord.do("chair", CloseDraft(draft="draft-1"))
    assert closing.ruling.details["outcome"] == "adopted"
    assert accord.world[CASES]["case-1"].stage == "decided"
    deployed = accord.do("CSC", Deploy(case="case-1", contingents={"RUS": 1500, "BLR": 200}))
    assert deployed.allowed
    assert accord.world[CASES]["case-1"].stage == "in_execution"


def test_one_objection_blocks_and_the_case_stays_in_consultations(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1", members=["BLR", "KAZ", "KGZ", "RUS", "TJK"])
    accord.do("ARM", StatePosition(draft="draft-1", position="object"))
    closing = accord.do("chair", CloseDraft(draft="draft-1"))
    assert closing.allowed
    assert closing.ruling.details["outcome"] == "blocked"
    assert closing.ruling.details["blocked_by"] == ["ARM"]
    assert accord.world[CASES]["case-1"].stage == "consultations"
    refused = accord.do("CSC", Deploy(case="case-1", contingents={"RUS": 100}))
    assert not refused.allowed


def test_a_position_on_a_closed_draft_is_refused_with_the_article(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1", members=["BLR", "KAZ", "KGZ", "RUS", "TJK"])
    accord.do("chair", CloseDraft(draft="draft-1"))
    late = accord.do("ARM", StatePosition(draft="draft-1", position="support"))
    assert not late.allowed
    assert "CHARTER-12" in late.ruling.articles
    assert "ARM" not in accord.world[BODIES].drafts["draft-1"].positions


def test_a_second_position_by_the_same_state_is_refused(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    accord.do("RUS", StatePosition(draft="draft-1", position="support"))
    again = accord.do("RUS", StatePosition(draft="draft-1", position="object"))
    assert not again.allowed
    assert "CHARTER-12" in again.ruling.articles
    assert accord.world[BODIES].drafts["draft-1"].positions["RUS"] == "support"


def test_a_non_member_cannot_state_a_position(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    result = accord.do("AZE", StatePosition(draft="draft-1", position="object"))
    assert not result.allowed
    assert "PROT-1999-1" in result.ruling.articles


def test_only_the_chair_closes_a_draft(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    result = accord.do("RUS", CloseDraft(draft="draft-1"))
    assert not result.allowed
    assert "CHARTER-13" in result.ruling.articles
    assert accord.world[BODIES].drafts["draft-1"].is_open


def test_the_un_security_council_is_informed_of_measures_once_they_are_decided(accord):
    kazakhstan_request(accord)
    early = accord.do("secretary_general", NotifyUnSecurityCouncil(case="case-1"))
    assert not early.allowed
    assert "CST-4" in early.ruling.articles
    session_and_draft(accord)
    everyone(accord, "draft-1")
    accord.do("chair", CloseDraft(draft="draft-1"))
    result = accord.do("secretary_general", NotifyUnSecurityCouncil(case="case-1"))
    assert result.allowed
    assert {"CST-4", "PKA-3"} <= set(result.ruling.articles)
    assert accord.world[CASES]["case-1"].un_notified_at is not None


def test_a_case_with_forces_deployed_cannot_be_closed(accord):
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1")
    accord.do("chair", CloseDraft(draft="draft-1"))
    accord.do("CSC", Deploy(case="case-1", contingents={"RUS": 1500}))
    assert not accord.do("secretary_general", CloseCase(case="case-1")).allowed


def test_the_csc_suspends_a_member_and_its_status_changes_that_day(csto):
    accord = InMemoryAccord(csto, dt.datetime(2015, 5, 1, 10, 0))
    accord.do("chair", ConveneSession(body="CSC"))
    accord.do("chair", TableDraft(session="session-1", kind="suspension", subject="KGZ"))
    everyone(accord, "draft-1", members=["ARM", "BLR", "KAZ", "RUS", "TJK"])
    outcome = accord.do("chair", CloseDraft(draft="draft-1"))
    assert outcome.ruling.details["outcome"] == "adopted"
    assert accord.world.rulebook(dt.date(2015, 5, 2)).status_name("KGZ") == "suspended"
    assert accord.world.rulebook(dt.date(2015, 4, 30)).status_name("KGZ") == "member"


def test_a_request_for_suspension_suspends_nobody(csto):
    accord = InMemoryAccord(csto, dt.datetime(2012, 6, 20, 10, 0))
    result = accord.do("UZB", RequestSuspension(state="UZB"))
    assert result.allowed
    assert "REG-SUSPENSION-2004" in result.ruling.articles
    assert accord.world.rulebook(dt.date(2012, 7, 1)).status_name("UZB") == "member"


def test_withdrawal_takes_effect_six_months_after_the_notice(csto):
    accord = InMemoryAccord(csto, dt.datetime(2026, 3, 1, 10, 0))
    result = accord.do("ARM", NotifyWithdrawal())
    assert result.ruling.details["effective"] == dt.date(2026, 9, 1)
    assert accord.world.rulebook(dt.date(2026, 8, 31)).status_name("ARM") == "member"
    assert accord.world.rulebook(dt.date(2026, 9, 1)).status_name("ARM") == "withdrawn"
    again = accord.do("ARM", NotifyWithdrawal())
    assert again.allowed
    assert again.events == ()


def test_frozen_participation_keeps_the_member_a_member(csto):
    accord = InMemoryAccord(csto, dt.datetime(2023, 6, 1, 10, 0))
    assert accord.do("ARM", DeclareParticipationFrozen()).allowed
    rulebook = accord.world.rulebook(dt.date(2023, 6, 2))
    assert rulebook.status_name("ARM") == "member"
    assert rulebook.frozen("ARM") is not None


def test_admission_needs_every_members_consent_and_then_takes_effect(csto):
    accord = InMemoryAccord(csto, dt.datetime(2024, 3, 1, 10, 0))
    assert accord.do("SRB", ApplyForMembership()).allowed
    assert accord.world.rulebook(dt.date(2024, 3, 2)).status_name("SRB") == "applicant"
    accord.do("chair", ConveneSession(body="CSC"))
    accord.do("chair", TableDraft(session="session-1", kind="admission", subject="SRB"))
    everyone(accord, "draft-1", members=["BLR", "KAZ", "KGZ", "RUS", "TJK"])
    blocked = accord.do("chair", CloseDraft(draft="draft-1"))
    assert blocked.ruling.details["outcome"] == "blocked"
    assert blocked.ruling.details["blocked_by"] == ["ARM"]
    assert accord.world.rulebook(dt.date(2024, 3, 2)).status_name("SRB") == "applicant"


def test_a_status_is_granted_only_after_a_decision(csto):
    accord = InMemoryAccord(csto, dt.datetime(2022, 3, 1, 10, 0))
    refused = accord.do("chair", GrantStatus(state="SRB", status="observer"))
    assert not refused.allowed
    accord.do("chair", ConveneSession(body="CSC"))
    accord.do("chair", TableDraft(session="session-1", kind="observer_status", subject="SRB"))
    everyone(accord, "draft-1")
    accord.do("chair", CloseDraft(draft="draft-1"))
    assert accord.world.rulebook(dt.date(2022, 3, 2)).status_name("SRB") == "observer"
    granted = accord.do("chair", GrantStatus(state="SRB", status="observer"))
    assert granted.allowed
    assert granted.events == ()


def test_bad_input_names_the_field_and_records_nothing(accord):
    with pytest.raises(InvalidInput) as caught:
        accord.do("RUS", PledgeUnit(unit="31st brigade", strength=-5))
    assert caught.value.field == "strength"
    with pytest.raises(InvalidInput) as caught:
        accord.do("KAZ", FileRequest(article="CST-4", threat="invasion"))
    assert caught.value.field == "threat"
    with pytest.raises(NotFound):
        accord.do("KAZ", StatePosition(draft="draft-9", position="support"))
    assert len(accord.journal) == 0


def test_the_state_rebuilt_from_the_journal_alone_is_the_same(accord, csto):
    kazakhstan_request(accord)
    session_and_draft(accord)
    everyone(accord, "draft-1")
    accord.do("chair", CloseDraft(draft="draft-1"))
    accord.do("CSC", Deploy(case="case-1", contingents={"RUS": 1500, "BLR": 200}))
    accord.do("ARM", DeclareParticipationFrozen())
    accord.do("RUS", PledgeUnit(unit="98th airborne division", strength=4000))
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert snapshot(rebuilt) == snapshot(accord.world)
    assert rebuilt.rulebook(dt.date(2022, 2, 1)).frozen("ARM") is not None


def test_a_status_recorded_in_accord_does_not_erase_the_charters_later_history(csto):
    accord = InMemoryAccord(csto, dt.datetime(2006, 6, 23, 10, 0))
    assert accord.do("UZB", ApplyForMembership()).allowed
    rulebook = accord.world.rulebook
    assert rulebook(dt.date(2006, 7, 1)).status_name("UZB") == "applicant"
    assert rulebook(dt.date(2006, 9, 1)).status_name("UZB") == "member"
    assert rulebook(dt.date(2013, 1, 1)).status_name("UZB") == "suspended"


def test_a_state_asking_for_its_own_suspension_need_not_name_itself(csto):
    accord = InMemoryAccord(csto, dt.datetime(2012, 6, 20, 10, 0))
    result = accord.do("UZB", RequestSuspension())
    assert result.allowed
    assert result.events[0].state == "UZB"


def test_the_csc_itself_grants_a_status_but_a_state_cannot(csto):
    accord = InMemoryAccord(csto, dt.datetime(2022, 3, 1, 10, 0))
    assert not accord.do("RUS", GrantStatus(state="SRB", status="partner")).allowed
    assert accord.do("CSC", GrantStatus(state="SRB", status="partner")).allowed
    assert accord.world.rulebook(dt.date(2022, 3, 2)).status_name("SRB") == "partner"
    too_early = InMemoryAccord(csto, dt.datetime(2020, 3, 1, 10, 0))
    refused = too_early.do("CSC", GrantStatus(state="SRB", status="partner"))
    assert not refused.allowed
    assert "CHARTER-21" in refused.ruling.articles


def test_a_body_convenes_its_own_session_and_closes_its_own_draft(accord):
    kazakhstan_request(accord)
    assert accord.do("CSC", ConveneSession(body="CSC", format="in-person", about="case-1")).allowed
    assert not accord.do("CDM", ConveneSession(body="CSC", about="case-1")).allowed
    tabled = accord.do("chair", TableDraft(session="session-1", kind="peacekeeping", case="case-1"))
    assert tabled.allowed
    assert accord.world[BODIES].drafts["draft-1"].kind == "peacekeeping_operation"
    everyone(accord, "draft-1")
    assert accord.do("CSC", CloseDraft(draft="draft-1")).ruling.details["outcome"] == "adopted"
