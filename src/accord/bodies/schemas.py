"""The API's shapes for sessions and draft decisions."""

from __future__ import annotations

from pydantic import BaseModel, Field

from accord.bodies import commands as cmd
from accord.bodies.model import Draft, Session
from accord.edge.schemas import CommandBody, body_of
from accord.edge.views import view_of


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


@body_of(cmd.CloseDraft, path=("draft",))
class ClosureIn(CommandBody):
    pass


@body_of(cmd.JoinDecision, path=("draft",))
class JoiningIn(CommandBody):
    pass


@view_of(Session)
class SessionOut(BaseModel):
    id: str = Field(examples=["session-1"])


@view_of(Draft)
class DraftOut(BaseModel):
    id: str = Field(examples=["draft-1"])
    positions: dict[str, str] = Field(examples=[{"ARM": "stand_aside", "RUS": "support"}])
