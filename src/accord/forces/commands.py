"""What a member may do with its forces."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class PledgeUnit(Command):
    unit: str
    strength: int
    kind: str = "battalion"
    formation: str = "collective_rapid_reaction_forces"
    readiness_days: int = 30
