"""Applications for observer or partner status: each member's consent, and the outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event
from accord.partners import events as ev

PENDING, GRANTED, REFUSED = "pending", "granted", "refused"


@dataclass
class StatusApplication:
    id: str
    applicant: str
    status: str
    applied: dt.date
    consents: dict[str, dt.date] = field(default_factory=dict)
    outcome: str = PENDING
    decided: dt.date | None = None
    objector: str | None = None

    @property
    def pending(self) -> bool:
        return self.outcome == PENDING

    def awaiting(self, members: list[str]) -> list[str]:
        """The members (as of a day) whose consent is still missing."""
        return [m for m in members if m not in self.consents]


def apply(applications: dict[str, StatusApplication], event: Event) -> bool:
    match event:
        case ev.StatusApplied():
            applications[event.application_id] = StatusApplication(
                event.application_id, event.applicant, event.status, event.at.date()
            )
        case ev.StatusConsentGiven():
            applications[event.application_id].consents[event.state] = event.at.date()
        case ev.StatusApplicationRefused():
            application = applications[event.application_id]
            application.outcome, application.decided = REFUSED, event.at.date()
            application.objector = event.objector
        case ev.StatusApplicationGranted():
            application = applications[event.application_id]
            application.outcome, application.decided = GRANTED, event.at.date()
        case _:
            return False
    return True
