"""Applications for observer or partner status: each member's consent, and the outcome."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from accord.kernel.messages import Event
from accord.partners import events as ev
from accord.service.contexts import Part

PENDING, GRANTED, REFUSED = "pending", "granted", "refused"


@dataclass(frozen=True)
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


def apply(
    applications: dict[str, StatusApplication], event: Event
) -> dict[str, StatusApplication] | None:
    """The applications after one event (a new dict; the old one is left as it was), or None
    when the event is not about status applications."""
    match event:
        case ev.StatusApplied():
            application = StatusApplication(
                event.application_id, event.applicant, event.status, event.at.date()
            )
        case ev.StatusConsentGiven():
            application = applications[event.application_id]
            consents = {**application.consents, event.state: event.at.date()}
            application = replace(application, consents=consents)
        case ev.StatusApplicationRefused():
            application = replace(
                applications[event.application_id],
                outcome=REFUSED,
                decided=event.at.date(),
                objector=event.objector,
            )
        case ev.StatusApplicationGranted():
            application = replace(
                applications[event.application_id], outcome=GRANTED, decided=event.at.date()
            )
        case _:
            return None
    return {**applications, application.id: application}


STATUS_APPLICATIONS: Part[dict[str, StatusApplication]] = Part("status_applications", dict, apply)
