"""The API's shapes for cases: what a client sends and what it reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from accord.cases import commands as cmd
from accord.cases.model import Case, PreparedRequest
from accord.edge.schemas import CommandBody, body_of
from accord.edge.views import view_of


@body_of(
    cmd.FileRequest,
    examples=[
        {
            "article": "CST-4",
            "threat": "aggression",
            "aggressor": "non_state",
            "where": "KAZ",
            "summary": "attacks by armed groups trained abroad",
            "classification": "restricted",
            "releasable_to": [],
        }
    ],
)
class FileRequestIn(CommandBody):
    pass


@body_of(
    cmd.PrepareRequest,
    examples=[
        {
            "for_state": "TJK",
            "article": "CST-2",
            "threat": "threat",
            "threatened": ["security", "territorial_integrity"],
            "summary": "armed clashes on the border with Afghanistan",
            "grounds": "armed clash in Tajikistan, week of 2021-07-05: 14 events, "
            "baseline 2.1, z = 4.3",
        }
    ],
)
class PrepareRequestIn(CommandBody):
    pass


@view_of(PreparedRequest)
class PreparedRequestOut(BaseModel):
    id: str = Field(examples=["prepared-1"])
    for_state: str = Field(examples=["TJK"])


@body_of(
    cmd.Deploy,
    path=("case",),
    examples=[
        {"formation": "collective_peacekeeping_forces", "contingents": {"RUS": 1500, "BLR": 200}}
    ],
)
class DeployIn(CommandBody):
    pass


@body_of(cmd.WithdrawForces, path=("case",), examples=[{"contingents": ["ARM", "KGZ"]}])
class WithdrawIn(CommandBody):
    pass


@body_of(cmd.NotifyUnSecurityCouncil, path=("case",))
class UnNotificationIn(CommandBody):
    pass


@body_of(cmd.WithdrawRequest, path=("case",))
class WithdrawRequestIn(CommandBody):
    pass


@body_of(cmd.CloseCase, path=("case",), examples=[{"summary": "all contingents home, no losses"}])
class CloseCaseIn(CommandBody):
    pass


class CaseSummary(BaseModel):
    id: str = Field(examples=["case-1"])
    requested_by: str = Field(examples=["KAZ"])
    article: str
    where: str
    stage: str = Field(examples=["decided"])
    classification: str
    filed_at: dt.datetime
    summary: str


@view_of(Case)
class CaseOut(CaseSummary):
    # Nested records as plain JSON, as they were documented before the view was derived.
    deployments: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
