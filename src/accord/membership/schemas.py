"""The API's shapes for membership."""

from __future__ import annotations

from pydantic import BaseModel, Field

from accord.edge.schemas import CommandBody, body_of
from accord.membership import commands as cmd


@body_of(cmd.ApplyForMembership)
class ApplicationIn(CommandBody):
    pass


@body_of(cmd.NotifyWithdrawal)
class WithdrawalNoticeIn(CommandBody):
    pass


@body_of(cmd.DeclareParticipationFrozen)
class FrozenParticipationIn(CommandBody):
    pass


@body_of(cmd.RequestSuspension, examples=[{"state": "UZB"}])
class SuspensionRequestIn(CommandBody):
    pass


@body_of(cmd.GrantStatus, examples=[{"state": "SRB", "status": "observer"}])
class GrantStatusIn(CommandBody):
    pass


class MemberOut(BaseModel):
    state: str = Field(examples=["ARM"])
    name: str
    status: str = Field(examples=["member"])
    since: str | None
    participation_frozen: bool
    source: str | None
    confidence: str | None
    note: str | None
