"""The partners' data files cite only sources and instruments the bundled charter has."""

import pytest

from accord.kernel.errors import CharterError
from accord.partners.criteria import bundled_criteria, criteria_of
from accord.partners.organizations import (
    bundled_organizations,
    load_organizations,
    organizations_of,
)
from accord.rules.sources import Confidence


def test_every_source_key_of_the_organizations_is_in_the_bundled_charter(csto):
    organizations = bundled_organizations()
    assert organizations.charter == csto.id
    cited = {
        (o.id, ref)
        for o in organizations.by_id.values()
        for c in o.cooperation
        for ref in c.source.refs
    }
    assert cited
    assert {(o, ref) for o, ref in cited if ref not in csto.references} == set()


def test_the_organizations_named_by_the_reference_are_there(csto):
    assert {"UN", "OSCE", "CIS", "SCO", "ICRC"} <= set(organizations_of(csto))


def test_an_unverified_cooperation_says_why_and_no_date_is_guessed(csto):
    for organization in organizations_of(csto).values():
        for cooperation in organization.cooperation:
            if cooperation.source.confidence is Confidence.UNVERIFIED:
                assert cooperation.source.note, (organization.id, cooperation.what)
            if cooperation.date is not None:
                assert cooperation.source.confidence is not Confidence.UNVERIFIED


def test_the_un_observer_status_of_2004_is_verified(csto):
    [observer] = [
        c for c in organizations_of(csto)["UN"].cooperation if c.kind == "observer_status"
    ]
    assert (observer.date.isoformat(), observer.source.confidence) == (
        "2004-12-02",
        Confidence.VERIFIED,
    )


def test_every_criterion_cites_a_source_and_a_regulation_of_the_bundled_charter(csto):
    owner, criteria = bundled_criteria()
    assert owner == csto.id
    assert set(criteria) == {"observer", "partner"}
    for status in criteria.values():
        assert status.regulation in csto.instruments
        for criterion in status.criteria:
            assert set(criterion.source.refs) <= set(csto.references), criterion.id
            assert str(criterion.source.fact).startswith(("R-OBS", "R-PART")), criterion.id
    assert criteria["partner"].areas_source is not None


def test_another_charter_has_neither_these_organizations_nor_these_criteria(nato):
    assert organizations_of(nato) == {}
    assert criteria_of(nato) == {}


def test_a_malformed_organizations_file_names_the_key(tmp_path):
    broken = tmp_path / "organizations.yaml"
    broken.write_text("charter: csto\norganizations:\n  UN: {cooperation: []}\n")
    with pytest.raises(CharterError) as caught:
        load_organizations(broken)
    assert caught.value.key == "organizations.UN.name"
