"""When pledged units are busy training: the force matching leaves them out of deployments."""

from __future__ import annotations

import datetime as dt

from accord.exercises.model import ADOPTED, EXERCISES
from accord.service.world import World

Window = tuple[dt.date, dt.date]


def exercise_busy_windows(world: World) -> dict[str, list[Window]]:
    """Each unit's exercise days (first and last, both included), in date order.

    Only adopted exercises count: a proposed plan is not in effect yet, and a cancelled
    exercise frees its units.
    """
    busy: dict[str, list[Window]] = {}
    for exercise in world[EXERCISES].exercises.values():
        if exercise.status != ADOPTED:
            continue
        for unit_id in exercise.units:
            busy.setdefault(unit_id, []).append((exercise.start, exercise.end))
    return {unit_id: sorted(windows) for unit_id, windows in busy.items()}


def busy_on(world: World, unit_id: str, day: dt.date) -> bool:
    return any(start <= day <= end for start, end in exercise_busy_windows(world).get(unit_id, []))
