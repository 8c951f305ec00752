"""Stages of the standing operations and each participating member's results in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event
from accord.operations import events as ev


@dataclass
class Results:
    state: str
    seizures: dict[str, float]
    detentions: int
    resources_blocked: int
    recorded_by: str
    recorded_at: dt.datetime


@dataclass
class Stage:
    id: str
    operation: str
    name: str
    start: dt.date
    end: dt.date
    participants: tuple[str, ...]
    observers: tuple[str, ...]
    recorded_by: str
    recorded_at: dt.datetime
    results: dict[str, Results] = field(default_factory=dict)

    @property
    def year(self) -> int:
        """A stage counts in the year it starts."""
        return self.start.year


def apply(stages: dict[str, Stage], event: Event) -> bool:
    match event:
        case ev.OperationStageRecorded():
            stages[event.stage_id] = Stage(
                event.stage_id,
                event.operation,
                event.name,
                event.start,
                event.end,
                event.participants,
                event.observers,
                event.by,
                event.at,
            )
        case ev.OperationResultsRecorded():
            stages[event.stage_id].results[event.state] = Results(
                event.state,
                dict(event.seizures),
                event.detentions,
                event.resources_blocked,
                event.by,
                event.at,
            )
        case _:
            return False
    return True
