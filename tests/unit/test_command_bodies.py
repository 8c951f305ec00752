"""A request body derived from its command: the command's fields, bounds, defaults and
comments, less what the path gives, and the command it asks for."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from accord.bodies.commands import TableDraft
from accord.bodies.schemas import TableDraftIn
from accord.cases.commands import Deploy, FileRequest
from accord.cases.schemas import DeployIn, FileRequestIn
from accord.edge.schemas import field_docs
from accord.exercises.schemas import ChangeIn
from accord.membership.commands import DeclareParticipationFrozen
from accord.membership.schemas import FrozenParticipationIn, SuspensionRequestIn
from accord.partners.schemas import ApplyForStatusIn


def test_a_body_is_its_commands_fields_but_the_path_and_for_whom():
    common = {"note", "on_behalf_of"}
    assert set(DeployIn.model_fields) == {"contingents", "formation", "units", *common}
    assert set(TableDraftIn.model_fields) == {
        *("kind", "case", "subject", "text", "parties_to_dispute", "un_mandate", *common),
    }


def test_the_body_asks_for_the_command_with_the_path_params():
    body = DeployIn.model_validate({"contingents": {"rus": 1500}, "units": ["unit-1"]})
    assert body.command(case="case-1") == Deploy(
        case="case-1", contingents={"RUS": 1500}, units=("unit-1",)
    )


def test_the_commands_defaults_are_the_bodys():
    command = FileRequestIn.model_validate({"article": "CST-2"}).command()
    assert command == FileRequest(article="CST-2")


def test_state_codes_are_kept_in_capitals_by_their_bound():
    body = FileRequestIn.model_validate(
        {"article": "CST-4", "where": "kaz", "releasable_to": ["arm"]}
    )
    command = body.command()
    assert (command.where, command.releasable_to) == ("KAZ", ("ARM",))
    applicant = ApplyForStatusIn.model_validate({"status": "observer", "applicant": "sco"})
    assert applicant.command().applicant == "SCO"


def test_a_field_out_of_its_bound_or_unknown_is_refused_by_name():
    with pytest.raises(ValidationError) as error:
        TableDraftIn.model_validate({"kind": "statement", "session": "session-1"})
    assert [issue["loc"] for issue in error.value.errors()] == [("session",)]
    with pytest.raises(ValidationError) as error:
        DeployIn.model_validate({"contingents": {"XXX": 10}})
    assert error.value.errors()[0]["loc"][0] == "contingents"


def test_a_field_the_body_declares_is_the_bodys():
    with pytest.raises(ValidationError) as error:
        ChangeIn.model_validate({"change": "cancelled_by_host"})
    assert [issue["loc"] for issue in error.value.errors()] == [("reason",)]
    with pytest.raises(ValidationError):
        ApplyForStatusIn.model_validate({"status": "member"})


def test_the_comment_above_a_field_is_its_description_and_the_example_its_example():
    schema = TableDraftIn.model_json_schema()
    assert field_docs(TableDraft)["subject"].startswith("The member concerned")
    assert schema["properties"]["subject"]["description"] == field_docs(TableDraft)["subject"]
    assert schema["properties"]["kind"]["examples"] == ["peacekeeping_operation"]
    assert schema["examples"][0]["case"] == "case-1"
    assert schema["additionalProperties"] is False


def test_every_body_carries_the_note_its_command_takes_with_the_comment_on_command():
    schema = FrozenParticipationIn.model_json_schema()["properties"]["note"]
    assert schema["description"].startswith("The text or the reference of the note verbale")
    assert schema["anyOf"][0]["maxLength"] == 8000
    body = FrozenParticipationIn.model_validate({"note": "No. 1/2-345"})
    assert body.command() == DeclareParticipationFrozen(note="No. 1/2-345")
    assert SuspensionRequestIn.model_validate({"state": "BLR", "note": "text"}).command().note
    with pytest.raises(ValidationError) as error:
        SuspensionRequestIn.model_validate({"state": "BLR", "note": "x" * 8001})
    assert [issue["loc"] for issue in error.value.errors()] == [("note",)]
