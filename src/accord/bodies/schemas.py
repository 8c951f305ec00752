"""The API's shapes for sessions and draft decisions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from accord.cases.schemas import ON_BEHALF_OF
from accord.rules.bounds import Key, Name, State, Text


class ConveneIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"body": "CSC", "extraordinary": True, "format": "video", "about": "case-1"}
            ]
        },
    )

    body: Key = Field(examples=["CSC"])
    extraordinary: bool = False
    format: Key = Field("in_person", examples=["video"])
    about: Key | None = Field(None, description="The case the session is about")
    requested_by: State | None = None
    venue: Name | None = Field(None, examples=["Yerevan"])
    on_behalf_of: Key | None = ON_BEHALF_OF


class TableDraftIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "peacekeeping_operation",
                    "case": "case-1",
                    "text": "send the Collective Peacekeeping Forces for a limited period",
                }
            ]
        },
    )

    kind: Key = Field(examples=["statement"])
    case: Key | None = None
    subject: State | None = None
    text: Text = Field("")
    on_behalf_of: Key | None = ON_BEHALF_OF


class PositionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"position": "support"}]}
    )

    position: Key = Field(
        examples=["stand_aside"], description="support, object, stand_aside or absent"
    )
    on_behalf_of: Key | None = ON_BEHALF_OF


class SessionOut(BaseModel):
    id: str = Field(examples=["session-1"])
    body: str
    extraordinary: bool
    format: str
    case_id: str | None
    requested_by: str | None
    chair: str | None
    at: dt.datetime
    venue: str | None
    agenda: list[str]


class DraftOut(BaseModel):
    id: str = Field(examples=["draft-1"])
    session_id: str
    body: str
    kind: str
    case_id: str | None
    subject: str | None
    text: str
    tabled_by: str
    tabled_at: dt.datetime
    positions: dict[str, str] = Field(examples=[{"ARM": "stand_aside", "RUS": "support"}])
    outcome: str | None
    blocked_by: list[str]
    standing_aside: list[str]
    absent: list[str]
    closed_at: dt.datetime | None
