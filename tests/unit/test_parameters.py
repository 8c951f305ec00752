import datetime as dt
import shutil
from pathlib import Path

import pytest

from accord.kernel.errors import CharterError
from accord.rules import parameters as p
from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.rulebook import Rulebook
from accord.rules.voting import rule_on_position

JAN_2022 = dt.date(2022, 1, 10)


@pytest.fixture
def csto_copy(tmp_path: Path) -> Path:
    target = tmp_path / "csto"
    shutil.copytree(bundled_charter_path("csto"), target)
    return target


def refusal(folder: Path) -> CharterError:
    with pytest.raises(CharterError) as caught:
        load_charter(folder)
    return caught.value


def test_a_misspelt_parameter_is_refused_when_the_charter_loads_naming_it(nato_copy: Path):
    folder = nato_copy / "parameters/voting"
    (folder / "restricted_format.yaml").rename(folder / "restricted_fromat.yaml")
    error = refusal(nato_copy)
    assert error.file == "parameters/voting/restricted_fromat.yaml"
    assert "unknown parameter 'voting/restricted_fromat'" in error.problem


def test_a_charter_missing_a_parameter_it_must_state_is_refused_naming_it(nato_copy: Path):
    (nato_copy / "parameters/voting/restricted_format.yaml").unlink()
    error = refusal(nato_copy)
    assert error.file == "parameters/voting/restricted_format.yaml"
    assert error.problem.startswith("missing parameter 'voting/restricted_format' (CHARTER-12")


def test_a_charter_may_leave_out_an_optional_parameter_and_reads_it_unset(csto_copy: Path):
    (csto_copy / "parameters/membership/suspension_body.yaml").unlink()
    rulebook = Rulebook.as_of(load_charter(csto_copy), JAN_2022)
    assert rulebook.parameter(p.SUSPENSION_BODY) is None
    assert rulebook.source_of(p.SUSPENSION_BODY) is None


def test_every_declared_parameter_is_either_stated_by_both_bundled_charters_or_optional(csto, nato):
    for key in p.DECLARED.values():
        stated = {c.id for c in (csto, nato) if key.name in c.parameters}
        assert key.optional or stated == {"csto", "nato"}, key.name


def test_a_parameter_reads_as_its_type_on_the_day_and_unset_before_its_first_value(csto):
    later = Rulebook.as_of(csto, JAN_2022)
    assert later.parameter(p.ALL_MEMBERS_CONSENT) == (
        "admission",
        "observer_status",
        "partner_status",
    )
    assert later.parameter(p.WITHDRAWAL_NOTICE_MONTHS) == 6
    assert later.parameter(p.RESTRICTED_FORMAT) is True
    assert later.source_of(p.RESTRICTED_FORMAT).article == "CHARTER-12"
    before = Rulebook.as_of(csto, dt.date(1995, 1, 1))
    assert before.parameter(p.ALL_MEMBERS_CONSENT) == ()
    assert before.parameter(p.SUSPENSION_BODY) is None
    assert before.parameter(p.RESTRICTED_FORMAT) is False


def test_a_what_if_amendment_of_a_parameter_changes_the_ruling(csto, csto_copy: Path):
    (csto_copy / "parameters/voting/restricted_format.yaml").write_text(
        "description: what if the 2010 amendments had kept plain consensus\n"
        "values:\n"
        "  1994-04-20: {value: false, source: {article: CHARTER-12, confidence: unverified,"
        " refs: [TREATY-FACTS-UNSOURCED]}}\n",
        encoding="utf-8",
    )
    amended = load_charter(csto_copy)
    body = amended.bodies["CSC"]
    as_recorded = rule_on_position(Rulebook.as_of(csto, JAN_2022), body, "ARM", "stand_aside")
    what_if = rule_on_position(Rulebook.as_of(amended, JAN_2022), body, "ARM", "stand_aside")
    assert as_recorded.allowed
    assert not what_if.allowed
    assert "may not stand aside" in what_if.reasons[-1].text
    assert what_if.articles == ("CHARTER-12",)


def test_a_what_if_amendment_with_a_value_of_the_wrong_type_is_refused(csto_copy: Path):
    file = csto_copy / "parameters/voting/all_members_consent.yaml"
    file.write_text(
        "description: what if every decision needed every member\n"
        "values:\n"
        "  2003-09-18: {value: true, source: {article: CHARTER-19, confidence: unverified,"
        " refs: [TREATY-FACTS-UNSOURCED]}}\n",
        encoding="utf-8",
    )
    error = refusal(csto_copy)
    assert error.file == "parameters/voting/all_members_consent.yaml"
    assert error.problem == "True is not a list of words"
