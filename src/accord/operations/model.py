"""Stages of the standing operations and each participating member's results in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from accord.kernel.messages import Event
from accord.operations import events as ev
from accord.service.contexts import Part


@dataclass(frozen=True)
class Results:
    state: str
    seizures: dict[str, float]
    detentions: int
    resources_blocked: int
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
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


def apply(stages: dict[str, Stage], event: Event) -> dict[str, Stage] | None:
    """The stages after one event (a new dict; the old one is left as it was), or None when
    the event is not about standing operations."""
    match event:
        case ev.OperationStageRecorded():
            stage = Stage(
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
            stage = stages[event.stage_id]
            results = Results(
                event.state,
                dict(event.seizures),
                event.detentions,
                event.resources_blocked,
                event.by,
                event.at,
            )
            stage = replace(stage, results={**stage.results, event.state: results})
        case _:
            return None
    return {**stages, stage.id: stage}


OPERATION_STAGES: Part[dict[str, Stage]] = Part("operation_stages", dict, apply)
