"""What happened to a state's membership."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class MembershipApplied(Event):
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class WithdrawalNotified(Event):
    state: str
    effective: dt.date
    at: dt.datetime


@dataclass(frozen=True)
class ParticipationFrozen(Event):
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class SuspensionRequested(Event):
    state: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class StatusChanged(Event):
    """A status from a day on, under an article (a decision adopted, a notice run out)."""

    state: str
    status: str
    effective: dt.date
    article: str | None
    reason: str
    at: dt.datetime
