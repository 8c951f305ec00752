"""Carrying out a decision with forces: contingents or pledged units sent, and brought home."""

from __future__ import annotations

from accord.bodies.model import BODIES
from accord.cases import commands as cmd
from accord.cases import events as ev
from accord.cases.changes import CASES
from accord.cases.model import Case, Stage, deployed_units, find_case
from accord.forces.model import UNITS, find_unit
from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code
from accord.rules import parameters as p
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.service.actors import CHAIR, SECRETARY_GENERAL, require_one_of
from accord.service.call import Call

FORCE_MANAGERS = {CHAIR, SECRETARY_GENERAL, "CSC", "CDM", "JOINT_STAFF"}


def deploy(command: cmd.Deploy, context: Call) -> Ruling:
    """Send contingents (or pledged units) to carry out an adopted decision on the case."""
    case = find_case(context.world[CASES], command.case)
    because = context.because("deploy")
    if not require_one_of(context, because, FORCE_MANAGERS, "deploying forces"):
        return because.ruling()
    for state, strength in command.contingents.items():
        if not isinstance(strength, int) or isinstance(strength, bool) or strength <= 0:
            raise InvalidInput(f"contingents.{state}", "a positive number of personnel")
    if command.units and command.contingents:
        raise InvalidInput("units", "give the units sent or the contingents, not both")
    deciding = context.rulebook.parameter(p.DECIDING_BODY)
    if not case.is_open or not case.authorises_forces:
        because.refuse(
            f"no adopted decision on {case.id} authorises sending forces: a "
            "deployment carries out a decision of the "
            f"{deciding or 'competent body'}",
            context.rulebook.source_of(p.DECIDING_BODY),
        )
        return because.ruling()
    units = _units_sent(command, context, because)
    contingents = dict(command.contingents)
    for unit_id, state in units.items():
        contingents[state] = contingents.get(state, 0) + context.world[UNITS][unit_id].strength
    for state in contingents:
        if require_member(context.rulebook, state_code(state), because, "send a contingent"):
            _not_standing_aside(context, case, state, because)
    if because.refused:
        return because.ruling()
    because.note(
        f"carries out {', '.join(sorted(set(case.adopted.values())))} adopted on {case.id}"
        + ("" if contingents else "; contingents not itemised"),
        context.rulebook.source_of(p.DECIDING_BODY),
    )
    deployment_id = f"{case.id}-deployment-{len(case.deployments) + 1}"
    context.emit(
        ev.ForcesDeployed(case.id, deployment_id, command.formation, contingents, context.at, units)
    )
    if case.stage == Stage.DECIDED:
        context.emit(
            ev.CaseStageChanged(case.id, Stage.IN_EXECUTION, "forces deployed", context.at)
        )
    return because.ruling(deployment=deployment_id)


def _units_sent(command: cmd.Deploy, context: Call, because: Because) -> dict[str, str]:
    """Each unit named, if it is pledged to the formation and not deployed elsewhere."""
    sent: dict[str, str] = {}
    away = deployed_units(context.world[CASES])
    for unit_id in command.units:
        unit = find_unit(context.world[UNITS], unit_id)
        if not unit.pledged:
            because.refuse(f"{unit_id} is no longer pledged")
        elif unit.formation != command.formation:
            because.refuse(f"{unit_id} is pledged to {unit.formation}, not {command.formation}")
        elif unit_id in away:
            # Another case may be one the sender may not see: a refusal never names it.
            where = command.case if away[unit_id][0] == command.case else "another case"
            because.refuse(f"{unit_id} is already deployed on {where}")
        sent[unit_id] = unit.state
    return sent


def _not_standing_aside(context: Call, case: Case, state: str, because: Because) -> None:
    draft_id = context.world[BODIES].standing_aside(case.adopted).get(state)
    if draft_id is not None:
        because.refuse(
            f"{state} stood aside on {draft_id}: it is not bound to take part in carrying it out",
            context.rulebook.source_of(p.RESTRICTED_FORMAT),
        )


def withdraw_forces(command: cmd.WithdrawForces, context: Call) -> Ruling:
    """Bring contingents home (all of them unless some are named)."""
    case = find_case(context.world[CASES], command.case)
    because = context.because("withdraw_forces")
    if not require_one_of(context, because, FORCE_MANAGERS, "withdrawing forces"):
        return because.ruling()
    in_place = case.forces_in_place()
    if not in_place:
        because.refuse(f"no forces are deployed on {case.id}")
        return because.ruling()
    deployment = in_place[-1]
    named = tuple(state_code(s) for s in command.contingents)
    unknown = set(named) - (set(deployment.contingents) - deployment.withdrawn)
    if unknown:
        raise InvalidInput("contingents", f"not deployed: {', '.join(sorted(unknown))}")
    context.emit(ev.ForcesWithdrawn(case.id, deployment.id, named, context.at))
    because.note(f"{', '.join(named) or 'all contingents'} withdrawn from {case.where}")
    return because.ruling(deployment=deployment.id)
