"""Every field of every command carries a bound (an Annotated type of rules/bounds.py or
its own), so that no entry point can send a value past what the records can hold."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing

import pytest

from accord.bootstrap import command_types
from accord.cases.commands import FileRequest
from accord.exercises.commands import PlannedExercise
from accord.forces.commands import Requirement
from accord.kernel.errors import InvalidInput
from accord.rules.bounds import ERA_END, ERA_START, within_era
from accord.rules.checking import within_bounds

#: The event file's record is the monitoring package's: its fields come from the reader, not
#: from a person (its own bounds are that package's).
UNBOUNDED_BY_DESIGN = {"record_event_file"}
SHAPES = [
    *(kind for name, kind in sorted(command_types().items()) if name not in UNBOUNDED_BY_DESIGN),
    PlannedExercise,
]


def bounded(hint: object) -> bool:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return all(bounded(arg) for arg in typing.get_args(hint) if arg is not type(None))
    return hint is bool or typing.get_origin(hint) is typing.Annotated


@pytest.mark.parametrize("kind", SHAPES, ids=lambda kind: kind.__name__)
def test_every_field_of_every_command_has_a_bound(kind):
    hints = typing.get_type_hints(kind, include_extras=True)
    unbounded = [f.name for f in dataclasses.fields(kind) if not bounded(hints[f.name])]
    assert unbounded == []


def test_every_key_of_a_requirement_has_a_bound():
    hints = typing.get_type_hints(Requirement, include_extras=True)
    assert [key for key, hint in hints.items() if not bounded(hint)] == []


def test_the_era_runs_from_the_un_charter_to_the_end_of_the_century():
    assert (dt.date(1945, 1, 1), dt.date(2100, 12, 31)) == (ERA_START, ERA_END)
    assert within_era(ERA_END) == ERA_END
    with pytest.raises(ValueError, match="--as-of: 2101-01-01 is outside"):
        within_era(dt.date(2101, 1, 1), "--as-of")


def test_the_edge_names_the_first_field_out_of_bounds_and_keeps_states_in_capitals():
    assert within_bounds(FileRequest(article="CST-2", releasable_to=("arm",))).releasable_to == (
        "ARM",
    )
    with pytest.raises(InvalidInput) as refused:
        within_bounds(FileRequest(article="CST-2", where="XXX"))
    assert refused.value.field == "where"
    assert "'XXX' is not a state's ISO 3166-1 alpha-3 code" in refused.value.rule
