"""Instruments recorded by the Secretariat: parties, signatures, ratifications, accessions,
and entry into force by each instrument's own rule; the charter's own keep their dates."""

import copy
import datetime as dt

import pytest

from accord.contexts import empty_world
from accord.kernel.errors import InvalidInput, NotFound
from accord.partners.commands import Accede, Ratify, RecordInstrument, SignInstrument
from accord.partners.model import INSTRUMENTS, in_force
from accord.partners.views import instrument_view
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord

SIX = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
MARCH_2022 = dt.datetime(2022, 3, 1, 10, 0)


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, MARCH_2022)


def record(accord, instrument="PROT-X", parties=SIX, by="secretary_general", **terms):
    command = RecordInstrument(
        instrument=instrument, title="A protocol", kind="protocol", parties=parties, **terms
    )
    return accord.do(by, command)


def on_day(day: int) -> dt.datetime:
    return dt.datetime(2022, 4, day, 10, 0)


def everyone_signs(accord, instrument="PROT-X", parties=SIX):
    for state in parties:
        assert accord.do(state, SignInstrument(instrument=instrument)).allowed


def is_in_force(accord, instrument, day):
    world = accord.world
    return in_force(world.charter(), world[INSTRUMENTS], instrument, day)


def test_by_default_an_instrument_enters_into_force_on_the_last_ratification(accord):
    assert record(accord).created == {"instrument": "PROT-X"}
    everyone_signs(accord)
    for day, state in enumerate(SIX, start=1):
        assert accord.do(state, Ratify(instrument="PROT-X"), at=on_day(day)).allowed
    assert accord.world[INSTRUMENTS]["PROT-X"].in_force_from() == dt.date(2022, 4, 6)
    assert not is_in_force(accord, "PROT-X", dt.date(2022, 4, 5))
    assert is_in_force(accord, "PROT-X", dt.date(2022, 4, 6))


def test_on_the_fifth_ratification_as_the_1999_protocol_did(accord):
    # R-CST-EXT-1: in force on the depositary's receipt of the fifth notification.
    record(accord, entry_into_force="nth_ratification", threshold=5)
    everyone_signs(accord)
    for day, state in enumerate(SIX[:4], start=1):
        accord.do(state, Ratify(instrument="PROT-X"), at=on_day(day))
    view = instrument_view(
        accord.world.charter(), accord.world[INSTRUMENTS], "PROT-X", on_day(4).date()
    )
    assert view["status"] == "signed, not yet in force: 4 of 5 ratifications or accessions needed"
    fifth = accord.do("RUS", Ratify(instrument="PROT-X"), at=on_day(9))
    assert "enters into force on 2022-04-09" in fifth.ruling.reasons[-1].text
    assert accord.world[INSTRUMENTS]["PROT-X"].in_force_from() == dt.date(2022, 4, 9)
    view = instrument_view(
        accord.world.charter(), accord.world[INSTRUMENTS], "PROT-X", on_day(9).date()
    )
    assert (view["status"], view["in_force"]) == ("in force since 2022-04-09", True)
    assert view["rule"] == "enters into force on the day of the 5th ratification or accession"


def test_a_joint_statement_takes_effect_on_signature_and_is_not_ratified(accord):
    statement = {"title": "Joint statement", "kind": "joint_statement", "parties": ("CSTO", "UN")}
    command = RecordInstrument(instrument="JS-UN-2026", **statement)
    assert accord.do("secretary_general", command).allowed
    assert accord.do("secretary_general", SignInstrument("JS-UN-2026", party="CSTO")).allowed
    assert not is_in_force(accord, "JS-UN-2026", MARCH_2022.date())
    last = accord.do("SECRETARIAT", SignInstrument("JS-UN-2026", party="UN"))
    assert last.allowed
    assert is_in_force(accord, "JS-UN-2026", MARCH_2022.date())
    refused = accord.do("SECRETARIAT", Ratify("JS-UN-2026", party="UN"))
    assert not refused.allowed
    assert "on signature" in refused.ruling.reasons[-1].text


def test_a_ratification_by_a_state_that_is_not_a_party_is_refused_naming_the_parties(accord):
    record(accord, parties=("KAZ", "RUS"), entry_into_force="last_ratification")
    everyone_signs(accord, parties=("KAZ", "RUS"))
    before = copy.deepcopy(accord.world[INSTRUMENTS])
    refused = accord.do("ARM", Ratify(instrument="PROT-X"))
    assert not refused.allowed
    assert refused.ruling.reasons[-1].text == (
        "ARM is not a party to PROT-X and cannot ratify it; its parties are KAZ, RUS"
    )
    assert not accord.do("ARM", SignInstrument(instrument="PROT-X")).allowed
    assert accord.world[INSTRUMENTS] == before
    assert list(accord.journal.entries())[-1].events == []


def test_a_party_ratifies_only_after_signing(accord):
    record(accord)
    refused = accord.do("KAZ", Ratify(instrument="PROT-X"))
    assert not refused.allowed
    assert "has not signed PROT-X" in refused.ruling.reasons[-1].text


def test_a_state_accedes_only_to_an_instrument_open_to_accession(accord):
    record(accord, instrument="CLOSED", parties=("KAZ", "RUS"))
    closed = accord.do("SRB", Accede(instrument="CLOSED"))
    assert not closed.allowed
    assert closed.ruling.reasons[-1].text == (
        "CLOSED is not open to accession; its parties are KAZ, RUS"
    )
    record(accord, parties=("KAZ", "RUS"), open_to_accession=True)
    assert accord.do("SRB", Accede(instrument="PROT-X")).allowed
    assert accord.world[INSTRUMENTS]["PROT-X"].parties == ("KAZ", "RUS", "SRB")
    assert not accord.do("SRB", Accede(instrument="PROT-X")).allowed
    assert not accord.do("KAZ", Accede(instrument="PROT-X")).allowed
    assert not accord.do("SRB", Ratify(instrument="PROT-X")).allowed


def test_an_accession_counts_towards_the_nth_ratification(accord):
    rule = {"entry_into_force": "nth_ratification", "threshold": 2}
    record(accord, parties=("KAZ", "RUS"), open_to_accession=True, **rule)
    everyone_signs(accord, parties=("KAZ", "RUS"))
    accord.do("KAZ", Ratify(instrument="PROT-X"), at=on_day(1))
    accord.do("SRB", Accede(instrument="PROT-X"), at=on_day(2))
    assert accord.world[INSTRUMENTS]["PROT-X"].in_force_from() == dt.date(2022, 4, 2)


def test_the_charters_own_instruments_keep_the_charters_dates(accord):
    # PROT-1999 is in force from 22 Mar 2000 (treaty-facts a.1): acts recorded later change
    # nothing, and the Secretariat cannot record it again with another rule.
    for state in SIX:
        accord.do(state, SignInstrument(instrument="PROT-1999"))
    accord.do("KAZ", Ratify(instrument="PROT-1999"))
    assert is_in_force(accord, "PROT-1999", dt.date(2000, 3, 22))
    assert not is_in_force(accord, "PROT-1999", dt.date(2000, 3, 21))
    again = record(accord, instrument="PROT-1999", entry_into_force="signature")
    assert not again.allowed
    assert "PROT-1999" in again.ruling.articles
    view = instrument_view(
        accord.world.charter(), accord.world[INSTRUMENTS], "PROT-1999", on_day(1).date()
    )
    assert view["in_force_since"] == dt.date(2000, 3, 22)
    assert "R-CST-EXT-1" in view["rule"]
    refused = accord.do("SRB", Accede(instrument="CST-1992"))
    assert not refused.allowed
    assert "apply_for_membership" in refused.ruling.reasons[-1].text


def test_only_the_secretariat_records_an_instrument_and_only_once(accord):
    by_a_state = record(accord, by="RUS")
    assert not by_a_state.allowed
    assert accord.world[INSTRUMENTS] == {}
    assert record(accord, by="SECRETARIAT").allowed
    twice = record(accord, by="chair")
    assert not twice.allowed
    assert twice.ruling.reasons[-1].text == "PROT-X is already recorded in Accord"


def test_a_state_acts_for_itself_and_the_secretariat_for_an_organization(accord):
    record(accord, parties=("KAZ", "UN"), entry_into_force="signature")
    assert not accord.do("RUS", SignInstrument(instrument="PROT-X", party="KAZ")).allowed
    assert not accord.do("secretary_general", SignInstrument("PROT-X", party="KAZ")).allowed
    assert not accord.do("secretary_general", SignInstrument("PROT-X")).allowed
    assert accord.world[INSTRUMENTS]["PROT-X"].signed == {}


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"parties": ("KAZ",)}, "parties"),
        ({"parties": ("KAZ", "KAZ")}, "parties"),
        ({"parties": ("KAZ", "Kazakhstan")}, "parties"),
        ({"entry_into_force": "nth_ratification"}, "threshold"),
        ({"entry_into_force": "nth_ratification", "threshold": 7}, "threshold"),
        ({"entry_into_force": "on_ratification"}, "entry_into_force"),
        ({"threshold": 3}, "threshold"),
        ({"instrument": "no spaces"}, "instrument"),
    ],
)
def test_bad_input_names_the_field_and_records_nothing(accord, terms, field):
    with pytest.raises(InvalidInput) as caught:
        record(accord, **terms)
    assert caught.value.field == field
    assert len(accord.journal) == 0


def test_an_unknown_instrument_is_missing_and_records_nothing(accord):
    with pytest.raises(NotFound):
        accord.do("KAZ", Ratify(instrument="NO-SUCH-2022"))
    assert len(accord.journal) == 0


def test_the_instruments_rebuilt_from_the_journal_are_the_same(accord, csto):
    record(accord, entry_into_force="nth_ratification", threshold=2, open_to_accession=True)
    everyone_signs(accord)
    accord.do("KAZ", Ratify(instrument="PROT-X"))
    accord.do("SRB", Accede(instrument="PROT-X"))
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert rebuilt[INSTRUMENTS] == accord.world[INSTRUMENTS]
    assert rebuilt[INSTRUMENTS]["PROT-X"].in_force_from() is not None
