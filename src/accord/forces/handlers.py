"""Use cases of the forces: pledges and their changes, verification visits, requirements."""

from __future__ import annotations

from accord.forces import commands as cmd
from accord.forces import events as ev
from accord.forces.checks import (
    check_caveats,
    check_pledge_words,
    own_pledged_unit,
    requirement_rows,
)
from accord.forces.formations import formations
from accord.forces.missions import MISSIONS
from accord.forces.model import READINESS_LEVELS, UNITS, find_unit
from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Command
from accord.rules.ruling import Ruling
from accord.rules.standing import require_member
from accord.service.actors import acting_state, require_one_of
from accord.service.call import Call

JOINT_STAFF = "JOINT_STAFF"


def pledge_unit(command: cmd.PledgeUnit, context: Call) -> Ruling:
    """A member pledges one of its own units to a collective formation."""
    check_pledge_words(command)
    because = context.because("pledge_unit")
    state = acting_state(context, because, "pledging a unit")
    if state is None or not require_member(context.rulebook, state, because, "pledge a unit"):
        return because.ruling()
    formation = formations()[command.formation]
    if context.day < formation.start:
        because.refuse(f"{formation.name} exists only from {formation.start} ({formation.basis})")
    elif formation.members and state not in formation.members:
        because.refuse(
            f"{formation.name} is formed by {', '.join(sorted(formation.members))}, not by {state}"
        )
    if because.refused:
        return because.ruling()
    unit_id = f"unit-{len(context.world[UNITS]) + 1}"
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
            tuple(command.capabilities),
            command.available_from,
            command.available_until,
            {kind: tuple(states) for kind, states in command.caveats.items()},
        )
    )
    because.note(
        f"{state} pledges {command.unit} ({command.strength}) to {formation.name}, "
        f"on the basis of {formation.basis}"
    )
    return because.ruling(unit=unit_id)


def change_pledge(command: cmd.ChangePledge, context: Call) -> Ruling:
    """The pledging member changes its pledge; the history keeps every version and its reason."""
    if not command.reason.strip():
        raise InvalidInput("reason", "a change of a pledge says why")
    if command.strength is not None and command.strength <= 0:
        raise InvalidInput("strength", "a pledged unit has a positive number of personnel")
    if command.readiness_days is not None and command.readiness_days < 0:
        raise InvalidInput("readiness_days", "days to deploy cannot be negative")
    if command.caveats is not None:
        check_caveats(command.caveats)
    because = context.because("change_pledge")
    unit = own_pledged_unit(context, because, command.unit, "changing a pledge")
    if unit is None:
        return because.ruling()
    start, end = unit.available_from, command.available_until
    if start is not None and end is not None and end < start:
        raise InvalidInput("available_until", f"before available_from {start}")
    context.emit(
        ev.PledgeChanged(
            unit.id,
            command.reason,
            context.at,
            command.strength,
            command.readiness_days,
            command.available_until,
            command.caveats,
        )
    )
    return because.ruling()


def withdraw_pledge(command: cmd.WithdrawPledge, context: Call) -> Ruling:
    """The pledging member takes a unit back, unless it is deployed on a case."""
    if not command.reason.strip():
        raise InvalidInput("reason", "a withdrawn pledge says why")
    because = context.because("withdraw_pledge")
    unit = own_pledged_unit(context, because, command.unit, "withdrawing a pledge")
    if unit is None:
        return because.ruling()
    away = context.world.port(MISSIONS).away(context.world).get(unit.id)
    if away is not None:
        # Not naming the case: it may be one the pledging state may not see.
        because.refuse(f"{unit.id} is deployed on a case: withdraw it from there first")
        return because.ruling()
    context.emit(ev.PledgeWithdrawn(unit.id, command.reason, context.at))
    return because.ruling()


def record_verification_visit(command: cmd.RecordVerificationVisit, context: Call) -> Ruling:
    """The Joint Staff verifies a pledged unit and records the readiness level it found."""
    if command.level not in READINESS_LEVELS:
        raise InvalidInput("level", f"one of {', '.join(READINESS_LEVELS)}")
    if command.visited_on > context.day:
        raise InvalidInput("visited_on", f"{command.visited_on} is after today ({context.day})")
    because = context.because("record_verification_visit")
    if not require_one_of(context, because, {JOINT_STAFF}, "recording a verification visit"):
        return because.ruling()
    unit = find_unit(context.world[UNITS], command.unit)
    if not unit.pledged:
        because.refuse(f"{unit.id} is no longer pledged (withdrawn {unit.withdrawn_at:%Y-%m-%d})")
        return because.ruling()
    context.emit(
        ev.UnitVisited(
            unit.id,
            command.visited_on,
            command.level,
            command.findings,
            context.actor.id,
            context.at,
        )
    )
    return because.ruling()


def state_requirements(command: cmd.StateRequirements, context: Call) -> Ruling:
    """The Joint Staff states what an adopted decision on a case needs from the forces."""
    rows = requirement_rows(command)
    because = context.because("state_requirements")
    if not require_one_of(context, because, {JOINT_STAFF}, "stating force requirements"):
        return because.ruling()
    case = context.world.port(MISSIONS).find(context.world, command.case)
    if not case.is_open or not case.authorises_forces:
        because.refuse(
            f"no adopted decision on {case.id} authorises sending forces: requirements serve "
            "a decision already taken"
        )
        return because.ruling()
    context.emit(
        ev.RequirementsStated(
            case.id, rows, tuple(command.parties_to_dispute), context.actor.id, context.at
        )
    )
    because.note(f"{len(rows)} requirements for {case.id}")
    return because.ruling()


COMMAND_HANDLERS: dict[type[Command], object] = {
    cmd.PledgeUnit: pledge_unit,
    cmd.ChangePledge: change_pledge,
    cmd.WithdrawPledge: withdraw_pledge,
    cmd.RecordVerificationVisit: record_verification_visit,
    cmd.StateRequirements: state_requirements,
}
