"""The form of a plan and of a change, checked before any rule: each refusal names its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from accord.exercises import commands as cmd
from accord.exercises.kinds import EXERCISE_KINDS, kind_key
from accord.exercises.model import Exercise
from accord.forces.model import Unit
from accord.kernel.errors import InvalidInput
from accord.kernel.ids import state_code

#: What each kind of change may set; a cancellation sets nothing but the status.
CHANGES: dict[str, tuple[str, ...]] = {
    "venue_moved": ("host", "venue"),
    "format_reduced": ("troop_cap",),
    "dates_moved": ("start", "end"),
    "cancelled_by_host": (),
}


def code(text: str, field: str) -> str:
    try:
        return state_code(text)
    except ValueError as error:
        raise InvalidInput(field, str(error)) from None


def check_dates(start: dt.date, end: dt.date, field: str) -> None:
    if end < start:
        raise InvalidInput(field, f"the exercise ends ({end}) before it starts ({start})")


def checked_plan(
    command: cmd.ProposeExercisePlan, units: Mapping[str, Unit]
) -> list[cmd.PlannedExercise]:
    """The plan's exercises with kinds and state codes normalised, or InvalidInput."""
    if not command.exercises:
        raise InvalidInput("exercises", "an annual plan holds at least one exercise")
    checked: list[cmd.PlannedExercise] = []
    for index, planned in enumerate(command.exercises):
        at = f"exercises[{index}]"
        name = planned.name.strip()
        if not name:
            raise InvalidInput(f"{at}.name", "an exercise has a name, e.g. Interaction-2020")
        if any(other.name.lower() == name.lower() for other in checked):
            raise InvalidInput(f"{at}.name", f"{name!r} is planned twice")
        kind = kind_key(planned.kind)
        if kind is None:
            raise InvalidInput(f"{at}.kind", f"must be one of {', '.join(EXERCISE_KINDS)}")
        check_dates(planned.start, planned.end, f"{at}.end")
        if planned.start.year != command.year:
            raise InvalidInput(
                f"{at}.start", f"the {command.year} plan holds exercises starting in {command.year}"
            )
        if planned.troop_cap <= 0:
            raise InvalidInput(f"{at}.troop_cap", "a positive number of troops")
        host = code(planned.host, f"{at}.host")
        participants = {host, *(code(s, f"{at}.participants") for s in planned.participants)}
        _check_units(planned.units, participants, units, f"{at}.units")
        checked.append(
            replace(
                planned,
                name=name,
                kind=kind,
                host=host,
                participants=tuple(sorted(participants)),
                units=tuple(dict.fromkeys(planned.units)),
                venue=planned.venue.strip(),
            )
        )
    return checked


def _check_units(
    unit_ids: tuple[str, ...], participants: set[str], units: Mapping[str, Unit], field: str
) -> None:
    for unit_id in unit_ids:
        unit = units.get(unit_id)
        if unit is None:
            raise InvalidInput(field, f"no unit {unit_id!r} is pledged to the collective forces")
        if unit.state not in participants:
            raise InvalidInput(
                field,
                f"{unit_id} ({unit.name}) belongs to {unit.state}, which does not take part",
            )


def checked_change(command: cmd.ChangeExercise, exercise: Exercise) -> cmd.ChangeExercise:
    """The change with its host's code normalised, or InvalidInput naming the field."""
    if command.change not in CHANGES:
        raise InvalidInput("change", f"must be one of {', '.join(CHANGES)}")
    if not command.reason.strip():
        raise InvalidInput("reason", "a change of an exercise gives its reason")
    setting = CHANGES[command.change]
    for field in ("host", "venue", "start", "end", "troop_cap"):
        if getattr(command, field) is not None and field not in setting:
            raise InvalidInput(field, f"a {command.change} change does not set {field}")
    if setting and all(getattr(command, field) is None for field in setting):
        raise InvalidInput(setting[0], f"a {command.change} change sets {' or '.join(setting)}")
    if command.troop_cap is not None and command.troop_cap <= 0:
        raise InvalidInput("troop_cap", "a positive number of troops")
    check_dates(command.start or exercise.start, command.end or exercise.end, "end")
    host = code(command.host, "host") if command.host is not None else None
    venue = command.venue.strip() if command.venue is not None else None
    return replace(command, reason=command.reason.strip(), host=host, venue=venue)
