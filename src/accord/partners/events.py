"""What happened to an instrument, and to an application for observer or partner status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.kernel.messages import Event


@dataclass(frozen=True)
class InstrumentRecorded(Event):
    """An instrument the Secretariat records, beyond the charter's own, with its own rule."""

    creates = ("instrument", "instrument")

    instrument: str
    title: str
    kind: str
    parties: tuple[str, ...]
    entry_into_force: str
    threshold: int | None
    open_to_accession: bool
    depositary: str | None
    at: dt.datetime


@dataclass(frozen=True)
class InstrumentSigned(Event):
    """``state`` is the signing party: a state, or an organization the Secretariat records."""

    instrument: str
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class InstrumentRatified(Event):
    """``state`` is the ratifying party (for an organization: its approval)."""

    instrument: str
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class InstrumentAcceded(Event):
    instrument: str
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class StatusApplied(Event):
    creates = ("application", "application_id")

    application_id: str
    applicant: str
    status: str
    at: dt.datetime


@dataclass(frozen=True)
class StatusConsentGiven(Event):
    application_id: str
    state: str
    at: dt.datetime


@dataclass(frozen=True)
class StatusApplicationRefused(Event):
    application_id: str
    objector: str
    at: dt.datetime


@dataclass(frozen=True)
class StatusApplicationGranted(Event):
    application_id: str
    at: dt.datetime
