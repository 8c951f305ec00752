"""Changes to an exercise keep their dated history and reason; a host may cancel; lessons after."""

import datetime as dt
from dataclasses import replace

import pytest

from accord.exercises.availability import exercise_busy_windows
from accord.exercises.commands import ChangeExercise, RecordLessons
from accord.exercises.model import EXERCISES
from accord.kernel.errors import InvalidInput, NotFound
from tests.builders import InMemoryAccord
from tests.unit.test_exercise_plans import (
    INTERACTION,
    NOV_2021,
    adopted_plan,
    pledged_unit,
    propose,
)

AFTER_IT = dt.datetime(2022, 10, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def accord(csto):
    accord = InMemoryAccord(csto, NOV_2021)
    adopted_plan(accord)
    return accord


def change(accord, by="JOINT_STAFF", exercise="exercise-1", **values):
    values.setdefault("reason", "the pandemic")
    return accord.do(by, ChangeExercise(exercise=exercise, **values))


def test_a_venue_moved_change_keeps_what_it_was_and_why(accord):
    result = change(accord, change="venue_moved", host="kgz", venue="Edelweiss training ground")
    assert result.allowed
    exercise = accord.world[EXERCISES].exercises["exercise-1"]
    assert (exercise.host, exercise.venue) == ("KGZ", "Edelweiss training ground")
    moved = exercise.changes[-1]
    assert (moved.change, moved.reason, moved.by) == ("venue_moved", "the pandemic", "JOINT_STAFF")
    assert moved.before == {"host": "KAZ", "venue": ""}
    assert moved.after == {"host": "KGZ", "venue": "Edelweiss training ground"}
    assert moved.at == accord.now


def test_a_reduced_format_and_moved_dates_are_recorded_one_after_the_other(accord):
    assert change(accord, change="format_reduced", troop_cap=500).allowed
    moved = {"start": dt.date(2022, 10, 3), "end": dt.date(2022, 10, 7)}
    assert change(accord, change="dates_moved", **moved).allowed
    exercise = accord.world[EXERCISES].find("Interaction-2022")
    assert (exercise.troop_cap, exercise.start, exercise.end) == (500, *moved.values())
    assert [c.change for c in exercise.changes] == ["format_reduced", "dates_moved"]
    assert exercise.changes[0].before == {"troop_cap": 1500}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"change": "format_reduced", "troop_cap": 500, "reason": " "}, "reason"),
        ({"change": "dates_moved", "end": dt.date(2022, 9, 1)}, "end"),
        ({"change": "format_reduced", "troop_cap": -5}, "troop_cap"),
        ({"change": "format_reduced", "troop_cap": 500, "host": "KGZ"}, "host"),
        ({"change": "venue_moved"}, "host"),
        ({"change": "postponed"}, "change"),
    ],
)
def test_a_malformed_change_is_refused_naming_its_field(accord, values, field):
    before = len(accord.journal)
    with pytest.raises(InvalidInput) as caught:
        change(accord, **values)
    assert caught.value.field == field
    assert len(accord.journal) == before
    assert accord.world[EXERCISES].exercises["exercise-1"].changes == ()


def test_a_reduced_format_has_fewer_troops_than_planned(accord):
    result = change(accord, change="format_reduced", troop_cap=2000)
    assert not result.allowed
    assert "fewer troops than the 1500 planned" in result.ruling.reasons[-1].text
    assert result.events == ()


def test_a_venue_cannot_move_to_a_state_that_is_not_a_member(accord):
    result = change(accord, change="venue_moved", host="UZB")
    assert not result.allowed
    assert accord.world[EXERCISES].exercises["exercise-1"].host == "KAZ"


def test_the_host_cancels_an_exercise_on_its_territory_and_its_units_are_free(csto):
    accord = InMemoryAccord(csto, NOV_2021)
    unit = pledged_unit(accord)
    adopted_plan(accord, replace(INTERACTION, units=(unit,)))
    assert unit in exercise_busy_windows(accord.world)

    result = change(accord, by="KAZ", change="cancelled_by_host", reason="not expedient this year")

    assert result.allowed
    exercise = accord.world[EXERCISES].exercises["exercise-1"]
    assert exercise.status == "cancelled"
    assert exercise.changes[-1].after == {"status": "cancelled"}
    assert exercise_busy_windows(accord.world) == {}


@pytest.mark.parametrize("by", ["RUS", "chair"])
def test_only_the_host_or_the_joint_staff_cancels(accord, by):
    result = change(accord, by=by, change="cancelled_by_host")
    assert not result.allowed
    assert "only KAZ, the host, cancels" in result.ruling.reasons[0].text
    assert accord.world[EXERCISES].exercises["exercise-1"].status == "adopted"


def test_the_joint_staff_records_a_cancellation_by_the_host(accord):
    assert change(accord, change="cancelled_by_host", reason="the host withdrew").allowed
    assert accord.world[EXERCISES].exercises["exercise-1"].status == "cancelled"


@pytest.mark.parametrize("by", ["KAZ", "chair"])
def test_only_the_joint_staff_moves_or_reduces_an_exercise(accord, by):
    result = change(accord, by=by, change="format_reduced", troop_cap=100)
    assert not result.allowed
    assert accord.world[EXERCISES].exercises["exercise-1"].troop_cap == 1500


def test_a_cancelled_exercise_is_not_changed_any_more(accord):
    change(accord, by="KAZ", change="cancelled_by_host")
    result = change(accord, change="format_reduced", troop_cap=100)
    assert not result.allowed
    assert "was cancelled by its host" in result.ruling.reasons[-1].text
    assert len(accord.world[EXERCISES].exercises["exercise-1"].changes) == 1


def test_lessons_are_recorded_once_the_exercise_is_over(accord):
    lessons = RecordLessons(exercise="Interaction-2022", text="command posts linked up late")
    early = accord.do("JOINT_STAFF", lessons)
    assert not early.allowed
    assert "lessons are recorded after it" in early.ruling.reasons[-1].text
    late = accord.do("JOINT_STAFF", lessons, at=AFTER_IT)
    assert late.allowed
    recorded = accord.world[EXERCISES].exercises["exercise-1"].lessons
    assert [(entry.text, entry.at) for entry in recorded] == [
        ("command posts linked up late", AFTER_IT)
    ]
    moved = change(
        accord, change="dates_moved", start=dt.date(2022, 10, 1), end=dt.date(2022, 10, 5)
    )
    assert not moved.allowed
    assert "ended on 2022-09-30" in moved.ruling.reasons[-1].text


def test_no_lessons_for_a_cancelled_exercise_or_one_no_decision_adopted(accord):
    change(accord, by="KAZ", change="cancelled_by_host")
    cancelled = accord.do("JOINT_STAFF", RecordLessons("exercise-1", "none"), at=AFTER_IT)
    assert not cancelled.allowed
    assert "it taught nothing" in cancelled.ruling.reasons[-1].text
    next_year = {"name": "Echelon-2023", "start": dt.date(2023, 5, 1), "end": dt.date(2023, 5, 5)}
    propose(accord, replace(INTERACTION, **next_year), year=2023)
    proposed = accord.do(
        "JOINT_STAFF", RecordLessons("Echelon-2023", "none"), at=AFTER_IT.replace(year=2024)
    )
    assert not proposed.allowed
    assert "no decision adopted" in proposed.ruling.reasons[-1].text
    with pytest.raises(InvalidInput) as empty:
        accord.do("JOINT_STAFF", RecordLessons("exercise-1", "  "))
    assert empty.value.field == "text"


def test_an_exercise_is_found_by_id_or_by_name_and_a_missing_one_is_not(accord):
    assert accord.world[EXERCISES].find("interaction-2022").id == "exercise-1"
    with pytest.raises(NotFound):
        change(accord, exercise="Interaction-2099", change="format_reduced", troop_cap=1)
