"""What an actor may ask of a case."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.kernel.messages import Command
from accord.rules.bounds import (
    Contingents,
    Grounds,
    Key,
    Keys,
    State,
    States,
    Summary,
    UnitIds,
)


@dataclass(frozen=True)
class FileRequest(Command):
    article: Key
    where: State | None = None
    threat: Key = "threat"
    aggressor: Key = "unknown"
    summary: Summary = ""
    threatened: Keys = ("security",)
    #: Who may see the case: public, restricted (default) or confidential, and to which states
    #: beyond the requester it is released (empty: every member).
    classification: Key = "restricted"
    releasable_to: States = ()
    #: The prepared request this filing takes up, if the Crisis Response Centre drafted it.
    prepared: Key | None = None


@dataclass(frozen=True)
class PrepareRequest(Command):
    """A request drafted for a member to file: Accord and its analysts never file one."""

    for_state: State
    article: Key
    where: State | None = None
    threat: Key = "threat"
    aggressor: Key = "unknown"
    summary: Summary = ""
    threatened: Keys = ("security",)
    #: What the draft rests on: the monitoring alert's reason, its figures and sources.
    grounds: Grounds = ""


@dataclass(frozen=True)
class NotifyUnSecurityCouncil(Command):
    case: Key


@dataclass(frozen=True)
class Deploy(Command):
    case: Key
    contingents: Contingents = field(default_factory=dict)
    formation: Key = "collective_peacekeeping_forces"
    #: Pledged units sent (the contingents are then their states' strengths).
    units: UnitIds = ()


@dataclass(frozen=True)
class WithdrawForces(Command):
    case: Key
    contingents: States = ()


@dataclass(frozen=True)
class CloseCase(Command):
    case: Key
    summary: Summary = ""


@dataclass(frozen=True)
class WithdrawRequest(Command):
    case: Key
