"""What the cases answer for the bodies (the matter a session is about) and for the forces
(the mission they are sent on), through the ports those contexts declare."""

from __future__ import annotations

import datetime as dt

from accord.bodies.matters import Matters
from accord.cases.changes import CASES
from accord.cases.model import Case, deployed_units, find_case
from accord.cases.views import case_visible
from accord.forces.missions import Missions
from accord.service.world import World


def case_in(world: World, case_id: str) -> Case:
    return find_case(world[CASES], case_id)


def units_away(world: World) -> dict[str, tuple[str, dt.datetime | None]]:
    return deployed_units(world[CASES])


AS_MATTERS = Matters(find=case_in, visible=case_visible)
AS_MISSIONS = Missions(find=case_in, away=units_away)
