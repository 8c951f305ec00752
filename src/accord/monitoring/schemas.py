"""The API's shapes for monitoring: indicators, alerts with their draft request, ingests."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from accord.edge.problems import CommandOut
from accord.edge.views import view_of
from accord.monitoring.indicators import Indicator


@view_of(Indicator, exclude=("spread",))
class IndicatorOut(BaseModel):
    id: str = Field(
        examples=["TJK-armed_clash-2021-07-05"], description="Its place in the list: the cursor"
    )
    country: str = Field(examples=["TJK"])
    category: str = Field(examples=["armed_clash"])
    week: str = Field(examples=["2021-07-05"], description="The Monday the week starts")
    z: float = Field(description="How many spreads the events stand above the baseline")


class AlertOut(BaseModel):
    id: str = Field(examples=["TJK-armed_clash-2021-07-05"])
    country: str
    category: str
    week: str
    events: int
    baseline: float
    z: float
    reason: str
    recommendation: str
    draft_request: dict[str, Any] = Field(
        description="A body for POST /prepared-requests: the analyst prepares, the member files"
    )


class IngestOut(CommandOut):
    """The journal's record of the ingest, and what the file gave."""

    file: str
    format: str
    rows_read: int
    rows_valid: int
    rows_added: int
    duplicates: int
    bad_rows: list[dict[str, Any]]
