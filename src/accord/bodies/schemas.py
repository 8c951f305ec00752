"""The API's shapes for sessions and draft decisions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from accord.bodies import commands as cmd
from accord.edge.schemas import CommandBody, body_of


@body_of(
    cmd.ConveneSession,
    examples=[{"body": "CSC", "extraordinary": True, "format": "video", "about": "case-1"}],
)
class ConveneIn(CommandBody):
    pass


@body_of(
    cmd.TableDraft,
    path=("session",),
    examples=[
        {
            "kind": "peacekeeping_operation",
            "case": "case-1",
            "text": "send the Collective Peacekeeping Forces for a limited period",
        }
    ],
)
class TableDraftIn(CommandBody):
    pass


@body_of(cmd.StatePosition, path=("draft",), examples=[{"position": "support"}])
class PositionIn(CommandBody):
    pass


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
