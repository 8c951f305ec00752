"""Applications for observer or partner status (R-OBS-*, R-PART-*, statuses in force from
19 Jan 2021): the regulation's criteria, every member's consent, one objection refuses."""

import copy
import datetime as dt

import pytest

from accord.kernel.errors import InvalidInput, NotFound
from accord.membership.model import MEMBERSHIP
from accord.partners.applications import STATUS_APPLICATIONS
from accord.partners.commands import ApplyForStatus, ConsentToStatus
from accord.rules.summaries import members_summary
from tests.builders import InMemoryAccord

MEMBERS_2022 = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
OBSERVER = ("interest", "un_member", "diplomatic_relations", "peaceful_settlement")
PARTNER = ("shares_goals", "accepts_obligation", "no_contrary_obligations")


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, dt.datetime(2022, 3, 1, 10, 0))


def serbia_applies(accord, status="observer", meets=OBSERVER, **more):
    return accord.do("SRB", ApplyForStatus(status=status, meets=meets, **more))


def consent(accord, state, answer="yes", application="application-1"):
    return accord.do(state, ConsentToStatus(application=application, consent=answer))


def the_roll(accord, day=dt.date(2022, 6, 1)):
    return {row["state"]: row for row in members_summary(accord.world.rulebook(day))}


def snapshot(world):
    return copy.deepcopy((world[STATUS_APPLICATIONS], world[MEMBERSHIP].changes))


def test_every_members_consent_grants_the_status_and_the_roll_shows_it(accord):
    applied = serbia_applies(accord)
    assert applied.allowed
    assert applied.created == {"application": "application-1"}
    assert applied.ruling.details["must_consent"] == list(MEMBERS_2022)
    for state in MEMBERS_2022[:-1]:
        assert consent(accord, state).allowed
    assert accord.world.rulebook(dt.date(2022, 6, 1)).status_name("SRB") == "not_a_party"
    last = consent(accord, "TJK")
    assert last.allowed
    assert [e.type_name for e in last.events] == [
        "status_consent_given",
        "status_application_granted",
        "status_changed",
    ]
    row = the_roll(accord)["SRB"]
    assert (row["status"], row["since"], row["source"]) == ("observer", "2022-03-01", "CHARTER-21")
    assert accord.world[STATUS_APPLICATIONS]["application-1"].outcome == "granted"


def test_a_single_objection_refuses_the_application_and_records_the_objector(accord):
    serbia_applies(accord)
    consent(accord, "ARM")
    objection = consent(accord, "KAZ", "no")
    assert objection.allowed
    application = accord.world[STATUS_APPLICATIONS]["application-1"]
    assert (application.outcome, application.objector) == ("refused", "KAZ")
    late = consent(accord, "RUS")
    assert not late.allowed
    assert late.ruling.reasons[-1].text == (
        "SRB's application for observer status was refused on 2022-03-01, KAZ objecting"
    )
    assert "SRB" not in the_roll(accord)


@pytest.mark.parametrize("state", ["UZB", "AZE", "SRB"])
def test_a_state_that_is_not_a_member_in_good_standing_cannot_consent(accord, state):
    serbia_applies(accord)
    before = snapshot(accord.world)
    refused = consent(accord, state)
    assert not refused.allowed
    assert "cannot consent to a status" in refused.ruling.reasons[-1].text
    assert snapshot(accord.world) == before


def test_a_member_answers_once(accord):
    serbia_applies(accord)
    consent(accord, "BLR")
    again = consent(accord, "BLR", "no")
    assert not again.allowed
    assert accord.world[STATUS_APPLICATIONS]["application-1"].outcome == "pending"


def test_before_the_2018_protocols_entered_into_force_there_is_no_status(csto):
    early = InMemoryAccord(csto, dt.datetime(2021, 1, 18, 10, 0))
    refused = serbia_applies(early)
    assert not refused.allowed
    assert refused.ruling.articles == ("CHARTER-21",)
    assert "it exists only from 2021-01-19" in refused.ruling.reasons[0].text
    assert early.world[STATUS_APPLICATIONS] == {}
    on_the_day = early.do(
        "SRB", ApplyForStatus("observer", meets=OBSERVER), dt.datetime(2021, 1, 19)
    )
    assert on_the_day.allowed


def test_a_member_cannot_apply(accord):
    refused = accord.do("KAZ", ApplyForStatus(status="partner", meets=PARTNER, areas=("military",)))
    assert not refused.allowed
    assert "CHARTER-21" in refused.ruling.articles
    assert "Kazakhstan is a member" in refused.ruling.reasons[-1].text


def test_an_undeclared_criterion_is_refused_citing_the_regulation_and_the_fact(accord):
    refused = serbia_applies(accord, meets=("interest", "un_member", "peaceful_settlement"))
    assert not refused.allowed
    assert "REG-OBSERVER-2018" in refused.ruling.articles
    [missing] = [r for r in refused.ruling.reasons if "does not declare" in r.text]
    assert missing.source.fact == "R-OBS-2"
    assert "'diplomatic_relations'" in missing.text
    assert accord.world[STATUS_APPLICATIONS] == {}


def test_a_partner_names_its_areas_of_partnership(accord):
    refused = serbia_applies(accord, status="partner", meets=PARTNER)
    assert not refused.allowed
    assert refused.ruling.reasons[-1].source.fact == "R-PART-1"
    applied = serbia_applies(accord, status="partner", meets=PARTNER, areas=("peacekeeping",))
    assert applied.allowed
    with pytest.raises(InvalidInput) as caught:
        serbia_applies(accord, status="partner", meets=PARTNER, areas=("space",))
    assert caught.value.field == "areas"


def test_an_application_pending_or_a_status_held_is_not_applied_for_again(accord):
    serbia_applies(accord)
    pending = serbia_applies(accord)
    assert not pending.allowed
    assert "application-1" in pending.ruling.reasons[-1].text
    for state in MEMBERS_2022:
        consent(accord, state)
    held = serbia_applies(accord)
    assert not held.allowed
    assert "holds observer status since 2022-03-01" in held.ruling.reasons[-1].text


def test_the_secretariat_records_an_organizations_application_not_a_states(accord):
    osce = ApplyForStatus(status="observer", applicant="OSCE", meets=("interest",))
    applied = accord.do("secretary_general", osce)
    assert applied.allowed
    for state in MEMBERS_2022:
        consent(accord, state)
    assert the_roll(accord)["OSCE"]["status"] == "observer"
    for_a_state = accord.do("chair", ApplyForStatus("observer", applicant="SRB", meets=OBSERVER))
    assert not for_a_state.allowed
    not_its_own = accord.do("SRB", ApplyForStatus("observer", applicant="OSCE", meets=OBSERVER))
    assert not not_its_own.allowed


def test_bad_input_names_the_field_and_a_missing_application_is_404(accord):
    with pytest.raises(InvalidInput) as caught:
        accord.do("SRB", ApplyForStatus(status="associate"))
    assert caught.value.field == "status"
    with pytest.raises(InvalidInput) as caught:
        serbia_applies(accord, meets=(*OBSERVER, "nuclear_power"))
    assert caught.value.field == "meets"
    serbia_applies(accord)
    with pytest.raises(InvalidInput) as caught:
        consent(accord, "KAZ", "maybe")
    assert caught.value.field == "consent"
    with pytest.raises(NotFound):
        consent(accord, "KAZ", application="application-9")
    assert len(accord.journal) == 1
