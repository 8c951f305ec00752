"""What the Secretariat, the Joint Staff or a delegation records about a standing operation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Command


@dataclass(frozen=True)
class RecordOperationStage(Command):
    operation: str
    name: str
    start: dt.date
    end: dt.date
    participants: tuple[str, ...] = ()
    #: States or organizations watching the stage (UNODC, Iran, China...).
    observers: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordOperationResults(Command):
    """One member's results in a stage; recording them again replaces them."""

    stage: str
    state: str
    #: Kilograms seized, by substance.
    seizures: dict[str, float] = field(default_factory=dict)
    detentions: int = 0
    #: Web resources blocked (Proxy), or any other resources the stage shut down.
    resources_blocked: int = 0
