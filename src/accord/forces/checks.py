"""Checks on what a command about the forces says, each naming its field, before any rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from accord.forces import commands as cmd
from accord.forces.formations import formations
from accord.forces.model import CAPABILITIES, CAVEAT_KINDS, UNITS, Unit, find_unit
from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code
from accord.rules.ruling import Because
from accord.service.actors import acting_state
from accord.service.call import Call


def check_pledge_words(command: cmd.PledgeUnit) -> None:
    if command.strength <= 0:
        raise InvalidInput("strength", "a pledged unit has a positive number of personnel")
    if command.readiness_days < 0:
        raise InvalidInput("readiness_days", "days to deploy cannot be negative")
    if command.formation not in formations():
        raise InvalidInput("formation", f"one of {', '.join(sorted(formations()))}")
    _check_capabilities("capabilities", command.capabilities)
    check_caveats(command.caveats)
    start, end = command.available_from, command.available_until
    if start is not None and end is not None and end < start:
        raise InvalidInput("available_until", f"before available_from {start}")


def _check_capabilities(field: str, capabilities: Sequence[str]) -> None:
    unknown = sorted(set(capabilities) - set(CAPABILITIES))
    if unknown:
        raise InvalidInput(field, f"unknown {', '.join(unknown)}; known: {', '.join(CAPABILITIES)}")


def check_caveats(caveats: Mapping[str, Sequence[str]]) -> None:
    for kind, states in caveats.items():
        if kind not in CAVEAT_KINDS:
            raise InvalidInput(f"caveats.{kind}", f"one of {', '.join(CAVEAT_KINDS)}")
        for state in states:
            try:
                state_code(state)
            except ValueError as error:
                raise InvalidInput(f"caveats.{kind}", str(error)) from None


def own_pledged_unit(context: Call, because: Because, unit_id: str, doing: str) -> Unit | None:
    """The unit, if the acting state pledged it and has not withdrawn it; else a refusal."""
    unit = find_unit(context.world[UNITS], unit_id)
    state = acting_state(context, because, doing)
    if state is None:
        return None
    if state != unit.state:
        because.refuse(f"{unit.id} is {unit.state}'s unit: only {unit.state} may change its pledge")
        return None
    if not unit.pledged:
        because.refuse(f"{unit.id} was withdrawn on {unit.withdrawn_at:%Y-%m-%d}")
        return None
    return unit


def requirement_rows(command: cmd.StateRequirements) -> tuple[dict[str, Any], ...]:
    """The requirements in a plain, checked form: id, capability, strength, needed_by, where."""
    if not command.requirements:
        raise InvalidInput("requirements", "at least one requirement")
    rows = []
    for index, given in enumerate(command.requirements):
        field = f"requirements.{index}"
        capability = str(given.get("capability", ""))
        _check_capabilities(f"{field}.capability", [capability])
        strength = given.get("strength")
        if not isinstance(strength, int) or isinstance(strength, bool) or strength <= 0:
            raise InvalidInput(f"{field}.strength", "a positive number of personnel")
        try:
            needed_by = dt.date.fromisoformat(str(given.get("needed_by")))
            where = state_code(str(given.get("where", "")))
        except ValueError as error:
            raise InvalidInput(field, str(error)) from None
        rows.append(
            {
                "id": str(given.get("id") or f"R{index + 1}"),
                "capability": capability,
                "strength": strength,
                "needed_by": needed_by.isoformat(),
                "where": where,
            }
        )
    ids = [row["id"] for row in rows]
    if len(set(ids)) != len(ids):
        raise InvalidInput("requirements", "each requirement has its own id")
    for state in command.parties_to_dispute:
        try:
            state_code(state)
        except ValueError as error:
            raise InvalidInput("parties_to_dispute", str(error)) from None
    return tuple(rows)
