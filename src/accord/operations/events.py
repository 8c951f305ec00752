"""What was recorded about the standing operations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event


@dataclass(frozen=True)
class OperationStageRecorded(Event):
    creates = ("operation_stage", "stage_id")

    stage_id: str
    operation: str
    name: str
    start: dt.date
    end: dt.date
    participants: tuple[str, ...]
    observers: tuple[str, ...]
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class OperationResultsRecorded(Event):
    stage_id: str
    state: str
    by: str
    at: dt.datetime
    seizures: dict[str, float] = field(default_factory=dict)
    detentions: int = 0
    resources_blocked: int = 0
