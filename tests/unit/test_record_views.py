"""A response model derived from a model's dataclass: its fields, types and comments, less what
it excludes, with the fields the view declares itself, read from a record's attributes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from pydantic import BaseModel, Field, ValidationError

from accord.audit.routes import EntryOut
from accord.edge.views import view_of
from accord.journal.model import Entry


@dataclass(frozen=True)
class Pledge:
    """A pledge as it is kept."""

    id: str
    #: The personnel the state pledges.
    strength: int
    at: dt.datetime
    units: tuple[str, ...] = ()
    secret: str = ""


@view_of(Pledge, exclude=("secret",))
class PledgeOut(BaseModel):
    id: str = Field(examples=["pledge-1"])
    # The view shows the count of units, where the model keeps their ids.
    units: int
    large: bool


AT = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)


def test_the_fields_are_the_models_in_its_order_then_those_the_view_adds():
    assert list(PledgeOut.model_fields) == ["id", "strength", "at", "units", "large"]
    assert PledgeOut.model_fields["strength"].annotation is int
    assert PledgeOut.__doc__ == "A pledge as it is kept."


def test_a_field_the_view_declares_wins():
    view = PledgeOut.model_validate({"id": "p", "strength": 5, "at": AT, "units": 2, "large": 0})
    assert view.units == 2
    assert PledgeOut.model_json_schema()["properties"]["id"]["examples"] == ["pledge-1"]
    with pytest.raises(ValidationError) as error:
        PledgeOut.model_validate({"id": "p", "strength": 5, "at": AT, "units": ["u"]})
    assert {issue["loc"] for issue in error.value.errors()} == {("units",), ("large",)}


def test_an_excluded_field_is_not_shown():
    assert "secret" not in PledgeOut.model_fields
    assert "secret" not in PledgeOut.model_json_schema()["properties"]


def test_the_comment_above_a_field_is_its_description_and_every_field_is_required():
    schema = PledgeOut.model_json_schema()
    assert schema["properties"]["strength"]["description"] == "The personnel the state pledges."
    assert "description" not in schema["properties"]["at"]
    assert set(schema["required"]) == {"id", "strength", "at", "units", "large"}


def test_a_view_is_read_from_a_records_attributes():
    entry = Entry(1, "2026-01-02T03:04:00+00:00", "KAZ", "FileRequest", {}, True, [], [])
    entry = entry.sealed()
    view = EntryOut.model_validate(entry)
    assert (view.seq, view.hash) == (1, entry.hash)
    assert set(EntryOut.model_fields) == set(entry.to_dict()) - {"request_key"}
    assert EntryOut.model_json_schema()["properties"]["details"]["description"].startswith(
        "The ruling's other findings"
    )


def test_a_view_with_anything_but_fields_is_refused():
    with pytest.raises(TypeError, match="fields only, not shown"):

        @view_of(Pledge)
        class _Methodical(BaseModel):
            def shown(self) -> str:
                return "never"
