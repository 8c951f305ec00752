"""What a state (or a body) may ask about membership."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command
from accord.rules.bounds import Key, State


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
    #: The member to suspend (default: the caller's state, as Uzbekistan asked in 2012).
    state: State | None = None


@dataclass(frozen=True)
class GrantStatus(Command):
    state: State
    #: observer or partner.
    status: Key
