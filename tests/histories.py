"""A realistic history written through a running Accord's writer, as its users would send it:
requests, sessions, drafts, every member's position, closings and pledges."""

from __future__ import annotations

import datetime as dt

from accord.bodies.commands import CloseDraft, ConveneSession, StatePosition, TableDraft
from accord.cases.commands import FileRequest
from accord.forces.commands import PledgeUnit
from accord.kernel.messages import Command
from accord.service.actors import resolve_actor
from accord.service.bus import Result
from accord.service.runtime import Accord

START = dt.datetime(2022, 1, 6, 1, 0, tzinfo=dt.UTC)
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
#: Journal entries each crisis adds.
ENTRIES_PER_CRISIS = 11


class History:
    """Sends commands one minute apart, each by the actor it names, through ``accord``."""

    def __init__(self, accord: Accord, start: dt.datetime = START) -> None:
        self.accord, self.at, self.crises = accord, start, 0

    def send(self, by: str, command: Command) -> Result:
        self.at += dt.timedelta(minutes=1)
        actor = resolve_actor(self.accord.world, by, self.at.date())
        return self.accord.handle(command, actor, self.at)

    def crisis(self) -> None:
        """A request, its session and draft, six positions, the closing and a pledge."""
        self.crises += 1
        requester = MEMBERS[self.crises % len(MEMBERS)]
        request = FileRequest(
            article="CST-4", where=requester, threat="aggression", aggressor="non_state"
        )
        case = self.send(requester, request).created["case"]
        session = self.send(
            "chair", ConveneSession(body="CSC", extraordinary=True, format="video", about=case)
        ).created["session"]
        draft = self.send(
            "chair", TableDraft(session=session, kind="peacekeeping_operation", case=case)
        ).created["draft"]
        for state in MEMBERS:
            self.send(state, StatePosition(draft=draft, position="support"))
        assert self.send("chair", CloseDraft(draft=draft)).allowed
        unit = PledgeUnit(
            unit=f"{requester}-BN-{self.crises}", strength=100 + self.crises, capabilities=()
        )
        assert self.send(requester, unit).allowed

    def crises_of(self, count: int) -> History:
        for _ in range(count):
            self.crisis()
        return self
