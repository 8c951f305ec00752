"""A decision never loses a member: a draft about a confidential case is read by every state
that takes part in the decision on it, while the case file stays hidden (issue 11, item 4)."""

import datetime as dt
import shutil

import pytest

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.bodies.model import BODIES
from accord.bodies.views import Delegation, draft_visible, session_visible
from accord.cases.changes import CASES
from accord.cases.commands import FileRequest
from accord.cases.views import case_visible
from accord.identity.model import Principal, Role
from accord.membership.commands import ApplyForMembership
from accord.rules.loading import bundled_charter_path, load_charter
from tests.builders import InMemoryAccord

MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
OTHERS = ["ARM", "BLR", "KGZ", "RUS", "TJK"]
JAN_2022 = dt.datetime(2022, 1, 5, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))


def staff(role: str) -> Principal:
    return Principal(f"user-{role}", role, Role(role), None)


def confidential_draft(accord, kind="peacekeeping_operation"):
    """KAZ's request released to KAZ alone, a CSC session about it and a draft on it."""
    filed = accord.do(
        "KAZ",
        FileRequest(
            article="CST-4",
            threat="aggression",
            aggressor="non_state",
            where="KAZ",
            classification="confidential",
            releasable_to=("KAZ",),
        ),
    )
    assert filed.allowed
    case = filed.created["case"]
    accord.do("chair", ConveneSession(body="CSC", extraordinary=True, format="video", about=case))
    tabled = accord.do("chair", TableDraft(session="session-1", kind=kind, case=case))
    assert tabled.allowed, tabled.ruling.reasons
    return tabled


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, JAN_2022)


def test_every_participant_reads_the_draft_about_a_confidential_case(accord):
    confidential_draft(accord)
    world, day = accord.world, accord.now.date()
    draft, session = world[BODIES].drafts["draft-1"], world[BODIES].sessions["session-1"]
    for state in MEMBERS:
        assert draft_visible(world, draft, Delegation(state), day), state
        assert session_visible(world, session, Delegation(state), day), state
    for state in OTHERS:
        assert not case_visible(world, world[CASES]["case-1"], Delegation(state), day), state


def test_the_chair_is_told_to_whom_the_draft_is_released_and_on_which_article(accord):
    tabled = confidential_draft(accord)
    assert tabled.ruling.details["released_to"] == OTHERS
    release = [r for r in tabled.ruling.reasons if "released to" in r.text]
    assert len(release) == 1
    assert release[0].source.cites == "CHARTER-12"
    assert release[0].source.confidence == "unverified"
    assert "PKA-3" in tabled.ruling.articles


def test_a_suspended_member_a_non_member_and_the_observer_liaison_are_released_nothing(accord):
    confidential_draft(accord)
    world, day = accord.world, accord.now.date()
    draft, session = world[BODIES].drafts["draft-1"], world[BODIES].sessions["session-1"]
    for reader in (Delegation("UZB"), Delegation("AZE"), staff("observer_liaison")):
        assert not draft_visible(world, draft, reader, day), reader
        assert not session_visible(world, session, reader, day), reader
    assert not draft_visible(world, draft, staff("joint_staff"), day)
    assert draft_visible(world, draft, staff("secretariat"), day)


def test_one_objection_blocks_a_draft_about_a_confidential_case(accord):
    confidential_draft(accord)
    for state in MEMBERS:
        position = "object" if state == "ARM" else "support"
        assert accord.do(state, StatePosition(draft="draft-1", position=position)).allowed
    closed = accord.do("chair", CloseDraft(draft="draft-1"))
    assert closed.ruling.details["outcome"] == "blocked"
    assert closed.ruling.details["blocked_by"] == ["ARM"]
    assert closed.ruling.details["absent"] == []


def test_a_member_admitted_before_the_closing_reads_the_draft_and_is_absent_only_if_silent(csto):
    accord = InMemoryAccord(csto, dt.datetime(2024, 3, 1, 10, 0))
    confidential_draft(accord, kind="statement")
    world = accord.world
    draft = world[BODIES].drafts["draft-1"]
    assert not draft_visible(world, draft, Delegation("SRB"), accord.now.date())
    assert accord.do("SRB", ApplyForMembership()).allowed
    accord.do("chair", TableDraft(session="session-1", kind="admission", subject="SRB"))
    for state in MEMBERS:
        accord.do(state, StatePosition(draft="draft-2", position="support"))
    assert accord.do("chair", CloseDraft(draft="draft-2")).ruling.details["outcome"] == "adopted"
    admitted = accord.world  # a new snapshot: the one above is the world before the admission
    assert draft_visible(admitted, draft, Delegation("SRB"), accord.now.date())
    for state in MEMBERS:
        accord.do(state, StatePosition(draft="draft-1", position="support"))
    closed = accord.do("chair", CloseDraft(draft="draft-1"))
    assert closed.ruling.details["outcome"] == "adopted"
    assert closed.ruling.details["absent"] == ["SRB"]


@pytest.fixture
def unreleasing_charter(tmp_path):
    """A what-if CSTO charter whose drafts are never released beyond the case's readers."""
    folder = tmp_path / "csto"
    shutil.copytree(bundled_charter_path("csto"), folder)
    (folder / "parameters/voting/drafts_released_to_participants.yaml").write_text(
        "description: what if drafts were not released to the participants\n"
        "values:\n"
        "  1994-04-20: {value: false, source: {article: CHARTER-12, confidence: unverified,"
        " refs: [TREATY-FACTS-UNSOURCED]}}\n"
    )
    return load_charter(folder)


def test_a_draft_is_not_closed_while_a_participant_could_not_read_it(unreleasing_charter):
    accord = InMemoryAccord(unreleasing_charter, JAN_2022)
    tabled = confidential_draft(accord)
    assert tabled.ruling.details["released_to"] == []
    assert accord.do("KAZ", StatePosition(draft="draft-1", position="support")).allowed
    refused = accord.do("chair", CloseDraft(draft="draft-1"))
    assert not refused.allowed
    assert refused.ruling.details["unread"] == OTHERS
    assert "CHARTER-12" in refused.ruling.articles
    assert accord.world[BODIES].drafts["draft-1"].is_open
