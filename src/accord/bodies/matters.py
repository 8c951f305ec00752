"""What the bodies need of the matter a session or a draft is about (a case), asked through a
port, so that the bodies never import the cases: cases provides it (accord.cases.context).

A draft about a case is released with the case; a session or a draft about a closed case is
refused; a session about a case is asked for by the state that filed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from accord.identity.permissions import Person
from accord.kernel.errors import InvalidInput
from accord.rules.states import known_state
from accord.service.contexts import Port
from accord.service.world import World


class Matter(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def where(self) -> str: ...
    @property
    def requested_by(self) -> str: ...
    @property
    def is_open(self) -> bool: ...
    @property
    def parties_to_dispute(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Matters:
    #: The matter by its id; NotFound, worded for the matter, if there is none.
    find: Callable[[World, str], Matter]
    #: Whether a person may read the matter on a day.
    visible: Callable[[World, Any, Person, dt.date], bool]


MATTERS: Port[Matters] = Port("matters")


def parties_in(given: tuple[str, ...], matter: Matter | None) -> tuple[str, ...]:
    """A draft's parties to the dispute (CST Art. 1): its case's, or those tabled with it."""
    if matter is not None:
        if given:
            raise InvalidInput(
                "parties_to_dispute",
                f"a draft about {matter.id} takes the parties to the dispute of its case",
            )
        return matter.parties_to_dispute
    try:
        codes = tuple(sorted(known_state(code) for code in given))
    except ValueError as error:
        raise InvalidInput("parties_to_dispute", str(error)) from None
    if len(codes) == 1:
        raise InvalidInput("parties_to_dispute", "a dispute has at least two parties")
    return codes
