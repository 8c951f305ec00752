"""What members and the Joint Staff may do with the collective forces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import ConfigDict, Field, with_config

# pydantic reads a TypedDict's fields from typing_extensions' on Python 3.11.
from typing_extensions import TypedDict

from accord.kernel.messages import Command
from accord.rules.bounds import (
    MAX_REQUIREMENTS,
    Caveats,
    Day,
    Key,
    Keys,
    Name,
    Personnel,
    ReadinessDays,
    Reason,
    State,
    States,
    Summary,
)


@with_config(ConfigDict(extra="forbid"))
class Requirement(TypedDict, total=False):
    """One thing an adopted decision needs (the handler asks for the keys it cannot do
    without, naming each)."""

    id: Key
    capability: Key
    strength: Personnel
    needed_by: Day
    where: State


Requirements = Annotated[tuple[Requirement, ...], Field(max_length=MAX_REQUIREMENTS)]


@dataclass(frozen=True)
class PledgeUnit(Command):
    unit: Name
    #: Personnel (must be positive).
    strength: Personnel
    kind: Key = "battalion"
    formation: Key = "collective_rapid_reaction_forces"
    #: Days from the order to deploy to arrival, as the member states it.
    readiness_days: ReadinessDays = 30
    capabilities: Keys = ()
    available_from: Day | None = None
    available_until: Day | None = None
    #: National caveats by kind: not_in / only_in: states; not_on_party_territory: no states.
    caveats: Caveats = field(default_factory=dict)


@dataclass(frozen=True)
class ChangePledge(Command):
    unit: Key
    reason: Reason
    strength: Personnel | None = None
    readiness_days: ReadinessDays | None = None
    available_until: Day | None = None
    caveats: Caveats | None = None


@dataclass(frozen=True)
class WithdrawPledge(Command):
    unit: Key
    reason: Reason


@dataclass(frozen=True)
class RecordVerificationVisit(Command):
    """The Joint Staff visited a pledged unit and states what readiness level it found."""

    unit: Key
    visited_on: Day
    level: Key
    findings: Summary = ""


@dataclass(frozen=True)
class StateRequirements(Command):
    """What an adopted decision needs: each a capability, a strength, by when and where."""

    case: Key
    requirements: Requirements
    parties_to_dispute: States = ()
