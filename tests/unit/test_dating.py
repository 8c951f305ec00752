import datetime as dt
import shutil
from pathlib import Path

import pytest

from accord.kernel.errors import CharterError
from accord.rules import parameters as p
from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.questions import ask
from accord.rules.rulebook import Rulebook


@pytest.fixture(scope="module")
def csto():
    return load_charter(bundled_charter_path("csto"))


@pytest.fixture
def csto_copy(tmp_path: Path) -> Path:
    target = tmp_path / "csto"
    shutil.copytree(bundled_charter_path("csto"), target)
    return target


def test_a_power_starting_on_a_stand_in_date_is_unverified_and_says_why(csto):
    power = csto.bodies["CSC"].decides_on("peacekeeping_operation", dt.date(2022, 1, 6))
    assert power.source.confidence == "unverified"
    assert any("PKA-2007" in caveat for caveat in power.source.caveats)


def test_a_record_dated_by_its_own_source_keeps_its_confidence(csto):
    suspended = csto.states["UZB"].status_on(dt.date(2015, 5, 1))
    assert suspended.source.instrument == "REG-SUSPENSION-2004"
    assert (suspended.source.confidence, suspended.source.caveats) == ("secondary", ())


def test_a_value_resting_on_an_instrument_never_known_in_force_is_unverified(csto):
    restricted = Rulebook.as_of(csto, dt.date(2011, 6, 1)).source_of(p.RESTRICTED_FORMAT)
    assert restricted.confidence == "unverified"
    assert restricted.caveats == ("the entry into force of CHARTER-PROT-2010 is not known",)


def test_a_reason_read_from_the_text_s_silence_says_so_and_is_at_most_secondary(csto):
    given = {"by": "KAZ", "article": "CST-4", "where": "RUS", "threat": "aggression"}
    given["aggressor"] = "state"
    ruling = ask(Rulebook.as_of(csto, dt.date(2005, 6, 1)), "request", given).to_dict()
    inferred = [r for r in ruling["reasons"] if r["basis"] == "inference"]
    assert len(inferred) == 1
    assert inferred[0]["text"].endswith("(inferred from the text's silence)")
    assert inferred[0]["confidence"] == "secondary"
    assert inferred[0]["caveats"] == ["an inference from the text's silence"]


def test_an_item_source_names_an_item_of_the_value(csto_copy: Path):
    path = csto_copy / "parameters/voting/all_members_consent.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      partner_status:", "      partner_statu:"), encoding="utf-8")
    with pytest.raises(CharterError) as caught:
        load_charter(csto_copy)
    assert caught.value.key.endswith("items.partner_statu")
    assert "not in the value" in caught.value.problem
