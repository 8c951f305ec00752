"""Force-matching instances as JSON: exchanged with reviewers, read by ``accord forces match``.

One UTF-8 JSON object; days are ISO ``YYYY-MM-DD``; fields marked optional may be left out::

    {"order": {"start": "2022-01-06"},
     "units": [{"id": "KAZ-1", "state": "KAZ", "capabilities": ["engineers"],
                "strength": 300, "days_to_deploy": 4, "available_from": "2021-12-01",
                "available_until": null,                             (optional, null: no end)
                "caveats": [{"kind": "not_in", "states": ["ARM"]}],  (optional)
                "busy": [["2022-01-02", "2022-01-08"]]}],             (optional, days included)
     "requirements": [{"id": "R1", "capability": "engineers", "strength": 400,
                       "needed_by": "2022-01-12", "where": "KAZ",
                       "parties_to_dispute": ["KAZ"]}]}              (optional)

Caveat kinds: ``not_in`` and ``only_in`` name ``states``; ``not_on_party_territory`` names none
and excludes the requirement's ``parties_to_dispute``. Strengths are positive, days to deploy
not negative, ids unique, and no requirement is needed before the order's start.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.forces.matching.eligibility import Caveat, CaveatKind, Order, PledgedUnit, Requirement
from accord.forces.matching.json_fields import InstanceError, Record


@dataclass(frozen=True)
class Instance:
    units: tuple[PledgedUnit, ...]
    requirements: tuple[Requirement, ...]
    order: Order


def load_instance(path: Path | str) -> Instance:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InstanceError(f"{path}: cannot read a JSON instance: {error}") from None
    return parse_instance(data)


def dump_instance(instance: Instance, path: Path | str) -> None:
    Path(path).write_text(json.dumps(instance_dict(instance), indent=1) + "\n", encoding="utf-8")


def parse_instance(data: Any) -> Instance:
    top = Record(data, "instance", {"order", "units", "requirements"})
    order = Order(Record(top.need("order", dict), "order", {"start"}).day("start"))
    units = tuple(_unit(record, i) for i, record in enumerate(top.need("units", list)))
    requirements = tuple(
        _requirement(record, i, order) for i, record in enumerate(top.need("requirements", list))
    )
    for kind, items in (("unit", units), ("requirement", requirements)):
        counts = Counter(item.id for item in items)
        if duplicated := sorted(i for i, n in counts.items() if n > 1):
            raise InstanceError(f"{kind} ids must be unique: {', '.join(duplicated)}")
    return Instance(units, requirements, order)


def instance_dict(instance: Instance) -> dict[str, Any]:
    def unit(u: PledgedUnit) -> dict[str, Any]:
        return {
            "id": u.id, "state": u.state, "capabilities": sorted(u.capabilities),
            "strength": u.strength, "days_to_deploy": u.days_to_deploy,
            "available_from": str(u.available_from),
            "available_until": None if u.available_until is None else str(u.available_until),
            "caveats": [{"kind": str(c.kind), "states": sorted(c.states)} for c in u.caveats],
            "busy": [[str(first), str(last)] for first, last in u.busy],
        }  # fmt: skip

    def requirement(r: Requirement) -> dict[str, Any]:
        return {
            "id": r.id, "capability": r.capability, "strength": r.strength,
            "needed_by": str(r.needed_by), "where": r.where,
            "parties_to_dispute": sorted(r.parties_to_dispute),
        }  # fmt: skip

    return {
        "order": {"start": str(instance.order.start)},
        "units": [unit(u) for u in instance.units],
        "requirements": [requirement(r) for r in instance.requirements],
    }


_UNIT_FIELDS = {"id", "state", "capabilities", "strength", "days_to_deploy", "available_from"}
_REQUIREMENT_FIELDS = {"id", "capability", "strength", "needed_by", "where"}


def _unit(data: Any, index: int) -> PledgedUnit:
    optional = {"available_until", "caveats", "busy"}
    record = Record(data, f"units[{index}]", _UNIT_FIELDS | optional, _UNIT_FIELDS)
    until = record.day("available_until") if record.has("available_until") else None
    unit = PledgedUnit(
        id=record.id,
        state=record.text("state"),
        capabilities=record.names("capabilities"),
        strength=record.integer("strength", least=1),
        days_to_deploy=record.integer("days_to_deploy", least=0),
        available_from=record.day("available_from"),
        available_until=until,
        caveats=tuple(
            _caveat(item, f"{record.context}: caveats[{i}]")
            for i, item in enumerate(record.optional("caveats", list, []))
        ),
        busy=tuple(
            _period(item, f"{record.context}: busy[{i}]")
            for i, item in enumerate(record.optional("busy", list, []))
        ),
    )
    if until is not None and until < unit.available_from:
        record.fail("available_until", f"{until} is before available_from {unit.available_from}")
    return unit


def _requirement(data: Any, index: int, order: Order) -> Requirement:
    fields = _REQUIREMENT_FIELDS | {"parties_to_dispute"}
    record = Record(data, f"requirements[{index}]", fields, _REQUIREMENT_FIELDS)
    needed_by = record.day("needed_by")
    if needed_by < order.start:
        record.fail("needed_by", f"{needed_by} is before the order's start {order.start}")
    return Requirement(
        id=record.id,
        capability=record.text("capability"),
        strength=record.integer("strength", least=1),
        needed_by=needed_by,
        where=record.text("where"),
        parties_to_dispute=record.names("parties_to_dispute", required=False),
    )


def _caveat(data: Any, context: str) -> Caveat:
    record = Record(data, context, {"kind", "states"}, {"kind"})
    kinds = [str(kind) for kind in CaveatKind]
    if (name := record.text("kind")) not in kinds:
        record.fail("kind", f"one of {', '.join(kinds)}, not {name!r}")
    kind = CaveatKind(name)
    states = record.names("states", required=kind is not CaveatKind.NOT_ON_PARTY_TERRITORY)
    if kind is CaveatKind.NOT_ON_PARTY_TERRITORY and states:
        record.fail("states", "not_on_party_territory names no states (the requirement does)")
    return Caveat(kind, states)


def _period(data: Any, context: str) -> tuple[dt.date, dt.date]:
    if not (isinstance(data, list) and len(data) == 2):
        raise InstanceError(f"{context}: a pair [first day, last day], not {data!r}")
    first, last = (Record({"day": day}, context, {"day"}).day("day") for day in data)
    if last < first:
        raise InstanceError(f"{context}: last day {last} is before first day {first}")
    return first, last
