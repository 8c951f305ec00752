"""What a state, the Secretariat or a member may do with instruments and statuses."""

from __future__ import annotations

from dataclasses import dataclass

from accord.kernel.messages import Command


@dataclass(frozen=True)
class RecordInstrument(Command):
    """``entry_into_force`` is ``signature``, ``last_ratification`` or ``nth_ratification``
    (with ``threshold``, the n); by default a joint statement's is its signature, any other
    instrument's its last ratification."""

    instrument: str
    title: str
    kind: str
    parties: tuple[str, ...]
    entry_into_force: str | None = None
    threshold: int | None = None
    open_to_accession: bool = False
    depositary: str | None = None


@dataclass(frozen=True)
class SignInstrument(Command):
    """``party`` is for the Secretariat recording an organization's signature; a state signs
    for itself and need not name itself."""

    instrument: str
    party: str | None = None


@dataclass(frozen=True)
class Ratify(Command):
    instrument: str
    party: str | None = None


@dataclass(frozen=True)
class Accede(Command):
    instrument: str


@dataclass(frozen=True)
class ApplyForStatus(Command):
    """A state applies for itself; the Secretariat records an organization's application.

    ``meets`` names the regulation's criteria the applicant declares it meets; a partner
    names its ``areas`` of partnership.
    """

    status: str
    applicant: str | None = None
    meets: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentToStatus(Command):
    """``consent`` is ``yes`` or ``no``; a single no refuses the application."""

    application: str
    consent: str
