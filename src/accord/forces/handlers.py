"""Use cases of the forces registry: a member pledges a unit."""

from __future__ import annotations

from accord.forces import commands as cmd
from accord.forces import events as ev
from accord.kernel.errors import InvalidInput
from accord.rules.ruling import Ruling
from accord.rules.standing import require_member
from accord.service.actors import acting_state
from accord.service.context import Context


def pledge_unit(command: cmd.PledgeUnit, context: Context) -> Ruling:
    """A member pledges one of its own units to a collective formation."""
    if command.strength <= 0:
        raise InvalidInput("strength", "a pledged unit has a positive number of personnel")
    if command.readiness_days < 0:
        raise InvalidInput("readiness_days", "days to deploy cannot be negative")
    because = context.because("pledge_unit")
    state = acting_state(context, because, "pledging a unit")
    if state is None or not require_member(context.rulebook, state, because, "pledge a unit"):
        return because.ruling()
    unit_id = f"unit-{len(context.world.units) + 1}"
    context.emit(
        ev.UnitPledged(
            unit_id,
            state,
            command.unit,
            command.kind,
            command.formation,
            command.strength,
            command.readiness_days,
            context.at,
        )
    )
    because.note(f"{state} pledges {command.unit} ({command.strength}) to {command.formation}")
    return because.ruling(unit=unit_id)


COMMAND_HANDLERS = {cmd.PledgeUnit: pledge_unit}
