"""What an actor may ask of a case."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.kernel.messages import Command


@dataclass(frozen=True)
class FileRequest(Command):
    article: str
    where: str | None = None
    threat: str = "threat"
    aggressor: str = "unknown"
    summary: str = ""
    threatened: tuple[str, ...] = ("security",)
    #: Who may see the case: public, restricted (default) or confidential, and to which states
    #: beyond the requester it is released (empty: every member).
    classification: str = "restricted"
    releasable_to: tuple[str, ...] = ()
    #: The prepared request this filing takes up, if the Crisis Response Centre drafted it.
    prepared: str | None = None


@dataclass(frozen=True)
class PrepareRequest(Command):
    """A request drafted for a member to file: Accord and its analysts never file one."""

    for_state: str
    article: str
    where: str | None = None
    threat: str = "threat"
    aggressor: str = "unknown"
    summary: str = ""
    threatened: tuple[str, ...] = ("security",)
    #: What the draft rests on: the monitoring alert's reason, its figures and sources.
    grounds: str = ""


@dataclass(frozen=True)
class NotifyUnSecurityCouncil(Command):
    case: str


@dataclass(frozen=True)
class Deploy(Command):
    case: str
    contingents: dict[str, int] = field(default_factory=dict)
    formation: str = "collective_peacekeeping_forces"
    #: Pledged units sent (the contingents are then their states' strengths).
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class WithdrawForces(Command):
    case: str
    contingents: tuple[str, ...] = ()


@dataclass(frozen=True)
class CloseCase(Command):
    case: str
    summary: str = ""


@dataclass(frozen=True)
class WithdrawRequest(Command):
    case: str
