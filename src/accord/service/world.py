"""The state of Accord: every context's records, changed only by applying events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from accord.bodies import events as body_events
from accord.bodies import model as bodies
from accord.cases import changes as case_changes
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


@dataclass(frozen=True)
class World:
    """The charter Accord runs on and every record kept since: an immutable snapshot.

    ``apply`` gives a new world and leaves this one as it was, so a reader holding a snapshot
    never sees a command half-applied, whatever the writer does meanwhile. Unchanged records
    are shared between snapshots, never copied.
    """

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
    ingests: tuple[monitoring.IngestRecord, ...] = ()
    calendar: exercises.Calendar = field(default_factory=exercises.Calendar)
    operation_stages: dict[str, operations.Stage] = field(default_factory=dict)
    #: How many events made this world: a snapshot's version.
    version: int = 0

    def charter(self) -> Charter:
        """The charter with the membership changes recorded in Accord laid over it."""
        return _overlaid(self.base, self.roll)

    def rulebook(self, day: dt.date) -> Rulebook:
        return Rulebook.as_of(self.charter(), day)

    def apply(self, event: Event) -> World:
        """The world after ``event``; this one is left unchanged."""
        for name, applier in _APPLIERS:
            changed = applier(getattr(self, name), event)
            if changed is not None:
                return replace(self, **{name: changed, "version": self.version + 1})
        raise TypeError(f"no context applies the event {event.type_name}")


#: Each part of the world and the function that gives it after an event (None: not about it).
_APPLIERS: tuple[tuple[str, Callable[[Any, Event], Any]], ...] = (
    ("cases", case_changes.apply),
    ("prepared_requests", case_changes.apply_prepared),
    ("sittings", bodies.apply),
    ("roll", membership.apply),
    ("instruments", partners.apply),
    ("status_applications", partner_applications.apply),
    ("units", forces.apply),
    ("requirements", forces.apply_requirements),
    ("ingests", monitoring.apply),
    ("calendar", exercises.apply),
    ("operation_stages", operations.apply),
)


def _overlaid(base: Charter, roll: membership.Roll) -> Charter:
    # Kept on the roll, which is immutable: every snapshot sharing a roll shares its charter.
    cached: tuple[Charter, Charter] | None = roll.__dict__.get("_overlaid")
    if cached is None or cached[0] is not base:
        cached = (base, roll.over(base))
        object.__setattr__(roll, "_overlaid", cached)
    return cached[1]
