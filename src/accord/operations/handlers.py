"""Use cases of the standing operations: record a stage, record a member's results in it."""

from __future__ import annotations

import math

from accord.kernel.errors import InvalidInput, found
from accord.kernel.ids import state_code
from accord.kernel.messages import Command
from accord.operations import commands as cmd
from accord.operations import events as ev
from accord.operations.catalog import find_operation
from accord.operations.model import OPERATION_STAGES, Stage
from accord.rules.ruling import Because, Ruling
from accord.rules.standing import require_member
from accord.service.actors import CHAIR, SECRETARY_GENERAL, require_one_of
from accord.service.call import Call

#: Whom a Secretariat officer acts as (identity/permissions.py: SECRETARIAT_ACTS_FOR).
SECRETARIAT = {CHAIR, SECRETARY_GENERAL, "SECRETARIAT"}
STAGE_RECORDERS = SECRETARIAT | {"JOINT_STAFF"}


def code(text: str, field: str) -> str:
    try:
        return state_code(text)
    except ValueError as error:
        raise InvalidInput(field, str(error)) from None


def record_operation_stage(command: cmd.RecordOperationStage, context: Call) -> Ruling:
    """The Secretariat or the Joint Staff records a stage: its dates, members and observers."""
    operation = find_operation(command.operation)
    name = command.name.strip()
    if not name:
        raise InvalidInput("name", "a stage has a name, e.g. Channel-Arax")
    if command.end < command.start:
        raise InvalidInput("end", f"the stage ends ({command.end}) before it starts")
    if not command.participants:
        raise InvalidInput("participants", "a stage has at least one participating member")
    participants = tuple(sorted({code(s, "participants") for s in command.participants}))
    observers = tuple(dict.fromkeys(o.strip() for o in command.observers if o.strip()))
    if both := set(participants) & {o.upper() for o in observers}:
        raise InvalidInput("observers", f"{', '.join(sorted(both))} take part, not observe")
    because = context.because("record_operation_stage")
    if not require_one_of(context, because, STAGE_RECORDERS, "recording an operation stage"):
        return because.ruling()
    if command.start.year < operation.since:
        because.refuse(f"{operation.name} runs since {operation.since}, not {command.start.year}")
    rulebook = context.world.rulebook(command.start)
    for state in participants:
        require_member(rulebook, state, because, f"take part in {operation.name}")
    if because.refused:
        return because.ruling()
    stage_id = f"stage-{len(context.world[OPERATION_STAGES]) + 1}"
    context.emit(
        ev.OperationStageRecorded(
            stage_id,
            operation.name,
            name,
            command.start,
            command.end,
            participants,
            observers,
            context.actor.id,
            context.at,
        )
    )
    because.note(f"{name}, a stage of {operation.name} ({operation.subject})")
    return because.ruling(stage=stage_id)


def record_operation_results(command: cmd.RecordOperationResults, context: Call) -> Ruling:
    """A delegation records its own state's results; the Secretariat anyone's."""
    stage = stage_of(context.world[OPERATION_STAGES], command.stage)
    state = code(command.state, "state")
    seizures = _checked_quantities(command)
    because = context.because("record_operation_results")
    if not _may_record(context, state, because):
        return because.ruling()
    if state not in stage.participants:
        because.refuse(
            f"{state} did not take part in {stage.name} ({', '.join(stage.participants)})"
        )
    elif context.day < stage.start:
        because.refuse(f"{stage.name} starts on {stage.start}: it has no results yet")
    if because.refused:
        return because.ruling()
    if state in stage.results:
        because.note(
            f"replaces {state}'s results recorded on {stage.results[state].recorded_at:%Y-%m-%d}"
        )
    context.emit(
        ev.OperationResultsRecorded(
            stage.id,
            state,
            context.actor.id,
            context.at,
            seizures,
            command.detentions,
            command.resources_blocked,
        )
    )
    return because.ruling(stage=stage.id, state=state)


def _checked_quantities(command: cmd.RecordOperationResults) -> dict[str, float]:
    seizures: dict[str, float] = {}
    for substance, kilograms in command.seizures.items():
        name = substance.strip().lower()
        if not name:
            raise InvalidInput("seizures", "each seizure names its substance")
        if not math.isfinite(kilograms) or kilograms < 0:
            raise InvalidInput(f"seizures.{name}", "kilograms seized, zero or more")
        seizures[name] = seizures.get(name, 0.0) + float(kilograms)
    if command.detentions < 0:
        raise InvalidInput("detentions", "people detained, zero or more")
    if command.resources_blocked < 0:
        raise InvalidInput("resources_blocked", "resources blocked, zero or more")
    return seizures


def _may_record(context: Call, state: str, because: Because) -> bool:
    actor = context.actor
    if actor.role == "state":
        if actor.state != state:
            because.refuse(
                f"a delegation records its own state's results: {actor.id} is not {state}"
            )
        return actor.state == state
    return require_one_of(context, because, SECRETARIAT, "recording another member's results")


def stage_of(stages: dict[str, Stage], stage_id: str) -> Stage:
    return found(stages, "operation stage", stage_id)


COMMAND_HANDLERS: dict[type[Command], object] = {
    cmd.RecordOperationStage: record_operation_stage,
    cmd.RecordOperationResults: record_operation_results,
}
