"""The state of Accord: every context's records, changed only by applying events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.bodies import events as body_events
from accord.bodies import model as bodies
from accord.cases import events as case_events
from accord.cases import model as cases
from accord.exercises import events as exercise_events
from accord.exercises import model as exercises
from accord.forces import events as force_events
from accord.forces import model as forces
from accord.kernel.messages import Event
from accord.membership import events as membership_events
from accord.membership import model as membership
from accord.monitoring import events as monitoring_events
from accord.monitoring import model as monitoring
from accord.operations import events as operation_events
from accord.operations import model as operations
from accord.partners import applications as partner_applications
from accord.partners import events as partner_events
from accord.partners import model as partners
from accord.rules.charter import Charter
from accord.rules.rulebook import Rulebook

EVENT_TYPES: dict[str, type[Event]] = {
    cls.type_name: cls
    for module in (
        case_events,
        body_events,
        membership_events,
        partner_events,
        force_events,
        monitoring_events,
        exercise_events,
        operation_events,
    )
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, Event) and cls is not Event
}


@dataclass
class World:
    """The charter Accord runs on and every record kept since."""

    base: Charter
    # Declared before ``cases``, whose name hides the module below it.
    prepared_requests: dict[str, cases.PreparedRequest] = field(default_factory=dict)
    cases: dict[str, cases.Case] = field(default_factory=dict)
    sittings: bodies.Sittings = field(default_factory=bodies.Sittings)
    roll: membership.Roll = field(default_factory=membership.Roll)
    instruments: dict[str, partners.InstrumentRecord] = field(default_factory=dict)
    status_applications: dict[str, partner_applications.StatusApplication] = field(
        default_factory=dict
    )
    units: dict[str, forces.Unit] = field(default_factory=dict)
    requirements: dict[str, forces.CaseRequirements] = field(default_factory=dict)
    ingests: list[monitoring.IngestRecord] = field(default_factory=list)
    calendar: exercises.Calendar = field(default_factory=exercises.Calendar)
    operation_stages: dict[str, operations.Stage] = field(default_factory=dict)
    _charter: tuple[int, Charter] | None = field(default=None, repr=False)

    def charter(self) -> Charter:
        """The charter with the membership changes recorded in Accord laid over it."""
        if self._charter is None or self._charter[0] != self.roll.version:
            self._charter = (self.roll.version, self.roll.over(self.base))
        return self._charter[1]

    def rulebook(self, day: dt.date) -> Rulebook:
        return Rulebook.as_of(self.charter(), day)

    def apply(self, event: Event) -> None:
        handled = (
            cases.apply(self.cases, event)
            or cases.apply_prepared(self.prepared_requests, event)
            or bodies.apply(self.sittings, event)
            or membership.apply(self.roll, event)
            or partners.apply(self.instruments, event)
            or partner_applications.apply(self.status_applications, event)
            or forces.apply(self.units, event)
            or forces.apply_requirements(self.requirements, event)
            or monitoring.apply(self.ingests, event)
            or exercises.apply(self.calendar, event)
            or operations.apply(self.operation_stages, event)
        )
        if not handled:
            raise TypeError(f"no context applies the event {event.type_name}")
