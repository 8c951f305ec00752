"""The API's shapes for sessions and draft decisions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from accord.cases.schemas import ON_BEHALF_OF


class ConveneIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"body": "CSC", "extraordinary": True, "format": "video", "about": "case-1"}
            ]
        },
    )

    body: str = Field(examples=["CSC"], max_length=16)
    extraordinary: bool = False
    format: str = Field("in_person", examples=["video"])
    about: str | None = Field(None, description="The case the session is about")
    requested_by: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    venue: str | None = Field(None, max_length=200, examples=["Yerevan"])
    on_behalf_of: str | None = ON_BEHALF_OF


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

    kind: str = Field(examples=["statement"], max_length=40)
    case: str | None = None
    subject: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    text: str = Field("", max_length=20000)
    on_behalf_of: str | None = ON_BEHALF_OF


class PositionIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"position": "support"}]}
    )

    position: str = Field(
        examples=["stand_aside"], description="support, object, stand_aside or absent"
    )
    on_behalf_of: str | None = ON_BEHALF_OF


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
