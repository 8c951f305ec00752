"""What members and the Joint Staff may do with the collective forces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Command


@dataclass(frozen=True)
class PledgeUnit(Command):
    unit: str
    strength: int
    kind: str = "battalion"
    formation: str = "collective_rapid_reaction_forces"
    #: Days from the order to deploy to arrival, as the member states it.
    readiness_days: int = 30
    capabilities: tuple[str, ...] = ()
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    #: National caveats by kind: not_in / only_in (states), not_on_party_territory (none).
    caveats: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ChangePledge(Command):
    unit: str
    reason: str
    strength: int | None = None
    readiness_days: int | None = None
    available_until: dt.date | None = None
    caveats: dict[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class WithdrawPledge(Command):
    unit: str
    reason: str


@dataclass(frozen=True)
class RecordVerificationVisit(Command):
    """The Joint Staff visited a pledged unit and states what readiness level it found."""

    unit: str
    visited_on: dt.date
    level: str
    findings: str = ""


@dataclass(frozen=True)
class StateRequirements(Command):
    """What an adopted decision needs: each a capability, a strength, by when and where."""

    case: str
    requirements: tuple[dict[str, object], ...]
    parties_to_dispute: tuple[str, ...] = ()
