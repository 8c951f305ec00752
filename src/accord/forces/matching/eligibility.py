"""Which pledged units may answer a requirement of the Joint Staff, and why the others may not.

A unit is eligible for a requirement when it has the capability, arrives in time
(``order.start + days_to_deploy <= needed_by``), is available on every day from the order's
start to ``needed_by`` (both included, within ``[available_from, available_until]``), is busy
(deployed or in an exercise) on none of those days, and every one of its caveats allows the
place. Only the days up to ``needed_by`` count: how long a deployment lasts is not known here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class CaveatKind(StrEnum):
    NOT_IN = "not_in"  # never deployed to these states
    ONLY_IN = "only_in"  # deployed to these states only
    NOT_ON_PARTY_TERRITORY = "not_on_party_territory"  # not to a party to the dispute


@dataclass(frozen=True)
class Caveat:
    kind: CaveatKind
    states: frozenset[str] = frozenset()  # unused by NOT_ON_PARTY_TERRITORY

    def allows(self, where: str, parties_to_dispute: frozenset[str]) -> bool:
        if self.kind is CaveatKind.NOT_IN:
            return where not in self.states
        if self.kind is CaveatKind.ONLY_IN:
            return where in self.states
        return where not in parties_to_dispute


@dataclass(frozen=True)
class PledgedUnit:
    id: str
    state: str
    capabilities: frozenset[str]
    strength: int
    days_to_deploy: int
    available_from: dt.date
    available_until: dt.date | None = None  # None: with no end
    caveats: tuple[Caveat, ...] = ()
    busy: tuple[tuple[dt.date, dt.date], ...] = ()  # deployed or in an exercise; days included


@dataclass(frozen=True)
class Requirement:
    id: str
    capability: str
    strength: int
    needed_by: dt.date
    where: str
    parties_to_dispute: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Order:
    start: dt.date  # the day the order to deploy is given


class Exclusion(StrEnum):
    LATE = "late"
    UNAVAILABLE = "unavailable"
    BUSY = "busy"
    CAVEAT = "caveat"


def arrival(unit: PledgedUnit, order: Order) -> dt.date:
    return order.start + dt.timedelta(days=unit.days_to_deploy)


def exclusions(unit: PledgedUnit, requirement: Requirement, order: Order) -> list[Exclusion]:
    """Every reason a unit with the capability cannot answer the requirement; none if it can."""
    first, last = order.start, requirement.needed_by
    reasons = []
    if arrival(unit, order) > last:
        reasons.append(Exclusion.LATE)
    if unit.available_from > first or (
        unit.available_until is not None and unit.available_until < last
    ):
        reasons.append(Exclusion.UNAVAILABLE)
    if any(busy_from <= last and busy_until >= first for busy_from, busy_until in unit.busy):
        reasons.append(Exclusion.BUSY)
    if not all(c.allows(requirement.where, requirement.parties_to_dispute) for c in unit.caveats):
        reasons.append(Exclusion.CAVEAT)
    return reasons


def is_eligible(unit: PledgedUnit, requirement: Requirement, order: Order) -> bool:
    return requirement.capability in unit.capabilities and not exclusions(unit, requirement, order)


def eligible_pairs(
    units: Sequence[PledgedUnit], requirements: Sequence[Requirement], order: Order
) -> list[tuple[int, int]]:
    """(unit index, requirement index) of every eligible pair, by requirement then unit."""
    by_capability: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        for capability in unit.capabilities:
            by_capability.setdefault(capability, []).append(index)
    return [
        (u, r)
        for r, requirement in enumerate(requirements)
        for u in by_capability.get(requirement.capability, [])
        if not exclusions(units[u], requirement, order)
    ]
