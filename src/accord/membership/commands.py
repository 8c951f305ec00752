"""What a state (or a body) may ask about membership."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class ApplyForMembership(Command):
    pass


@dataclass(frozen=True)
class NotifyWithdrawal(Command):
    pass


@dataclass(frozen=True)
class DeclareParticipationFrozen(Command):
    pass


@dataclass(frozen=True)
class RequestSuspension(Command):
    state: str


@dataclass(frozen=True)
class GrantStatus(Command):
    state: str
    status: str
