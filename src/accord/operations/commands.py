"""What the Secretariat, the Joint Staff or a delegation records about a standing operation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field

from accord.kernel.messages import Command
from accord.rules.bounds import Count, Day, Key, Kilograms, Name, Parties, State, States


@dataclass(frozen=True)
class RecordOperationStage(Command):
    operation: Key
    name: Name
    start: Day
    end: Day
    participants: States = ()
    #: States or organizations watching the stage (UNODC, Iran, China...).
    observers: Parties = ()


@dataclass(frozen=True)
class RecordOperationResults(Command):
    """One member's results in a stage; recording them again replaces them."""

    stage: Key
    state: State
    #: Kilograms seized, by substance.
    seizures: Annotated[dict[Key, Kilograms], Field(max_length=100)] = field(default_factory=dict)
    detentions: Count = 0
    #: Web resources blocked (Proxy), or any other resources the stage shut down.
    resources_blocked: Count = 0
