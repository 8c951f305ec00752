"""What the Secretariat, the Joint Staff or a delegation records about a standing operation."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.kernel.messages import Command
from accord.rules.bounds import Count, Day, Key, Keys, Name, Seizures, State, States


@dataclass(frozen=True)
class RecordOperationStage(Command):
    operation: Key
    name: Name
    start: Day
    end: Day
    participants: States = ()
    #: States or organizations watching the stage (UNODC, Iran, China...).
    observers: Keys = ()


@dataclass(frozen=True)
class RecordOperationResults(Command):
    """One member's results in a stage; recording them again replaces them."""

    stage: Key
    state: State
    #: Kilograms seized, by substance.
    seizures: Seizures = field(default_factory=dict)
    detentions: Count = 0
    #: Web resources blocked (Proxy), or any other resources the stage shut down.
    resources_blocked: Count = 0
