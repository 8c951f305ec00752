"""Standing operations: the catalog and its sources, stages, members' results, yearly totals."""

import datetime as dt
import math

import pytest

from accord.contexts import empty_world
from accord.exercises.kinds import EXERCISE_KINDS
from accord.kernel.errors import InvalidInput, NotFound
from accord.operations.catalog import find_operation, standing_operations
from accord.operations.commands import RecordOperationResults, RecordOperationStage
from accord.operations.model import OPERATION_STAGES
from accord.operations.views import totals
from accord.service.replay import rebuild_world
from tests.builders import InMemoryAccord

JUNE_2023 = dt.datetime(2023, 6, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def accord(csto):
    return InMemoryAccord(csto, JUNE_2023)


def stage(accord, name="Channel-Arax", start=dt.date(2023, 5, 22), by="secretary_general", **more):
    values = {"participants": ("ARM", "RUS"), "observers": ("UNODC",), **more}
    end = values.pop("end", start + dt.timedelta(days=4))
    command = RecordOperationStage(values.pop("operation", "Channel"), name, start, end, **values)
    return accord.do(by, command)


def results(accord, stage_id, state, by=None, at=None, **figures):
    return accord.do(by or state, RecordOperationResults(stage_id, state, **figures), at)


def test_the_catalog_holds_the_four_standing_operations_with_their_sources(csto):
    catalog = standing_operations()
    assert list(catalog) == ["Channel", "Illegal", "Proxy", "Mercenary"]
    cited = {ref for operation in catalog.values() for ref in operation.source.refs}
    assert cited <= set(csto.references), cited - set(csto.references)
    assert (catalog["Channel"].since, catalog["Illegal"].permanent_since) == (2003, 2017)
    mercenary = catalog["Mercenary"].source
    assert mercenary.confidence == "unverified"
    assert "(f) 17" in (mercenary.note or "")
    assert find_operation("kanal").name == "Channel"


def test_every_exercise_kind_cites_sources_of_the_bundled_charter(csto):
    cited = {ref for kind in EXERCISE_KINDS.values() for ref in kind.refs}
    assert cited
    assert cited <= set(csto.references), cited - set(csto.references)


@pytest.mark.parametrize("by", ["secretary_general", "chair", "JOINT_STAFF"])
def test_the_secretariat_or_the_joint_staff_records_a_stage(accord, by):
    result = stage(accord, by=by)
    assert result.allowed
    assert result.created == {"operation_stage": "stage-1"}
    recorded = accord.world[OPERATION_STAGES]["stage-1"]
    assert (recorded.operation, recorded.participants, recorded.observers) == (
        "Channel",
        ("ARM", "RUS"),
        ("UNODC",),
    )


def test_a_delegation_does_not_record_a_stage(accord):
    assert not stage(accord, by="ARM").allowed
    assert accord.world[OPERATION_STAGES] == {}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"end": dt.date(2023, 5, 21)}, "end"),
        ({"participants": ()}, "participants"),
        ({"participants": ("Armenia",)}, "participants"),
        ({"observers": ("arm",)}, "observers"),
        ({"name": " "}, "name"),
    ],
)
def test_a_malformed_stage_is_refused_naming_its_field(accord, values, field):
    with pytest.raises(InvalidInput) as caught:
        stage(accord, **values)
    assert caught.value.field == field
    assert len(accord.journal) == 0


def test_an_unknown_operation_is_not_found(accord):
    with pytest.raises(NotFound):
        stage(accord, operation="Harvest")


def test_a_stage_before_its_operation_began_or_with_a_non_member_is_refused(accord):
    early = stage(accord, operation="Mercenary", name="Mercenary-2018", start=dt.date(2018, 4, 2))
    assert not early.allowed
    assert "Mercenary runs since 2019" in early.ruling.reasons[-1].text
    outsider = stage(accord, participants=("ARM", "UZB"))
    assert not outsider.allowed
    assert accord.world[OPERATION_STAGES] == {}


def test_a_delegation_records_its_own_results_and_the_secretariat_anyones(accord):
    stage(accord)
    assert results(accord, "stage-1", "ARM", seizures={"Heroin": 12.5}, detentions=3).allowed
    other = results(accord, "stage-1", "ARM", by="RUS", detentions=99)
    assert not other.allowed
    assert "its own state's results" in other.ruling.reasons[-1].text
    assert results(accord, "stage-1", "RUS", by="secretary_general", detentions=7).allowed
    recorded = accord.world[OPERATION_STAGES]["stage-1"].results
    assert recorded["ARM"].seizures == {"heroin": 12.5}
    assert (recorded["ARM"].detentions, recorded["RUS"].detentions) == (3, 7)


def test_results_of_a_state_that_did_not_take_part_are_refused(accord):
    stage(accord)
    refused = results(accord, "stage-1", "KAZ", detentions=1)
    assert not refused.allowed
    assert "did not take part in Channel-Arax" in refused.ruling.reasons[-1].text
    assert refused.events == ()


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        ({"seizures": {"heroin": -1.0}}, "seizures.heroin"),
        ({"seizures": {"hashish": math.nan}}, "seizures.hashish"),
        ({"seizures": {" ": 1.0}}, "seizures"),
        ({"detentions": -2}, "detentions"),
        ({"resources_blocked": -1}, "resources_blocked"),
    ],
)
def test_negative_quantities_are_refused_naming_the_field(accord, figures, field):
    stage(accord)
    before = len(accord.journal)
    with pytest.raises(InvalidInput) as caught:
        results(accord, "stage-1", "ARM", **figures)
    assert caught.value.field == field
    assert len(accord.journal) == before
    assert accord.world[OPERATION_STAGES]["stage-1"].results == {}


def test_results_recorded_again_replace_the_first_ones(accord):
    stage(accord)
    results(accord, "stage-1", "ARM", detentions=3)
    again = results(accord, "stage-1", "ARM", detentions=4)
    assert "replaces ARM's results" in again.ruling.reasons[0].text
    assert accord.world[OPERATION_STAGES]["stage-1"].results["ARM"].detentions == 4


def test_totals_per_year_add_up_every_stage_of_that_year_by_member(accord, csto):
    # Made-up figures: the totals are checked against the sums worked out by hand below.
    stage(accord)
    stage(accord, "Channel-Center", dt.date(2023, 2, 20), participants=("KAZ", "RUS"))
    stage(accord, "Proxy-2023", dt.date(2023, 3, 1), operation="Proxy")
    stage(accord, "Channel-Avangard", dt.date(2024, 10, 21), participants=("RUS",))
    recorded = [
        results(
            accord, "stage-1", "ARM", seizures={"heroin": 12.5, "hashish": 40.0}, detentions=31
        ),
        results(accord, "stage-1", "RUS", seizures={"heroin": 0.25}, detentions=9),
        results(accord, "stage-2", "KAZ", seizures={"hashish": 2.2}, detentions=5),
        results(accord, "stage-2", "RUS", seizures={"hashish": 1.1, "cocaine": 3.0}, detentions=1),
        results(accord, "stage-3", "ARM", resources_blocked=120),
        results(accord, "stage-4", "RUS", seizures={"heroin": 100.0}, at=dt.datetime(2024, 11, 1)),
    ]
    assert all(result.allowed for result in recorded)

    channel, proxy = totals(accord.world[OPERATION_STAGES], 2023)

    assert (channel["year"], channel["operation"], channel["stages"]) == (
        2023,
        "Channel",
        ["stage-1", "stage-2"],
    )
    assert channel["seizures_kg"] == {"cocaine": 3.0, "hashish": 43.3, "heroin": 12.75}
    assert (channel["detentions"], channel["resources_blocked"]) == (46, 0)
    assert channel["by_member"]["RUS"] == {
        "seizures_kg": {"cocaine": 3.0, "hashish": 1.1, "heroin": 0.25},
        "detentions": 10,
        "resources_blocked": 0,
    }
    assert (proxy["operation"], proxy["resources_blocked"]) == ("Proxy", 120)
    every_year = totals(accord.world[OPERATION_STAGES])
    assert [row["year"] for row in every_year] == [2023, 2023, 2024]
    assert every_year[-1]["seizures_kg"] == {"heroin": 100.0}
    rebuilt = rebuild_world(empty_world(csto), accord.journal.entries())
    assert rebuilt[OPERATION_STAGES] == accord.world[OPERATION_STAGES]


def test_a_stage_has_no_results_before_it_starts(accord):
    stage(accord, "Channel-Avangard", dt.date(2024, 10, 21))
    early = results(accord, "stage-1", "ARM", detentions=1)
    assert not early.allowed
    assert "starts on 2024-10-21" in early.ruling.reasons[-1].text
    assert accord.world[OPERATION_STAGES]["stage-1"].results == {}
