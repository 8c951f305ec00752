"""What the forces need of the cases that send them and of the exercises that train them,
asked through ports, so that the forces import neither: cases and exercises provide them
(their context declarations).

A unit away on a case or busy in an adopted exercise is not proposed for a deployment, nor
may its pledge be withdrawn while it is away; requirements are stated only for a case whose
adopted decisions authorise sending forces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from accord.service.contexts import Port
from accord.service.world import World

Window = tuple[dt.date, dt.date]


class Mission(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def is_open(self) -> bool: ...
    @property
    def authorises_forces(self) -> bool: ...
    @property
    def adopted(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Missions:
    #: The case by its id; NotFound, worded for the case, if there is none.
    find: Callable[[World, str], Mission]
    #: Every pledged unit still away on a case: its case and when it was deployed.
    away: Callable[[World], Mapping[str, tuple[str, dt.datetime | None]]]


MISSIONS: Port[Missions] = Port("missions")
#: Each unit's days in adopted exercises (first and last, both included), in date order.
TRAINING: Port[Callable[[World], Mapping[str, list[Window]]]] = Port("training")
