"""What happened to a case (past tense); every event carries the time it happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event


@dataclass(frozen=True)
class RequestFiled(Event):
    creates = ("case", "case_id")

    case_id: str
    by: str
    article: str
    role: str
    where: str
    threat: str
    aggressor: str
    summary: str
    at: dt.datetime
    classification: str = "restricted"
    releasable_to: tuple[str, ...] = ()
    #: The attacked party and the party named as aggressor (CST Art. 1), or none.
    parties_to_dispute: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseStageChanged(Event):
    case_id: str
    stage: str
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class DecisionRecorded(Event):
    case_id: str
    draft_id: str
    kind: str
    outcome: str
    at: dt.datetime


@dataclass(frozen=True)
class UnSecurityCouncilNotified(Event):
    case_id: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class ForcesDeployed(Event):
    creates = ("deployment", "deployment_id")

    case_id: str
    deployment_id: str
    formation: str
    contingents: dict[str, int] = field(default_factory=dict)
    at: dt.datetime | None = None
    #: Each pledged unit sent, and its state.
    units: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ForcesWithdrawn(Event):
    case_id: str
    deployment_id: str
    contingents: tuple[str, ...] = ()
    at: dt.datetime | None = None


@dataclass(frozen=True)
class CaseClosed(Event):
    case_id: str
    summary: str
    at: dt.datetime


@dataclass(frozen=True)
class RequestPrepared(Event):
    creates = ("prepared_request", "prepared_id")

    prepared_id: str
    for_state: str
    article: str
    where: str
    threat: str
    aggressor: str
    summary: str
    threatened: tuple[str, ...]
    grounds: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class PreparedRequestFiled(Event):
    prepared_id: str
    case_id: str
    at: dt.datetime
