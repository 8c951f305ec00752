"""What a state, the Secretariat or a member may do with instruments and statuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from accord.kernel.messages import Command
from accord.rules.bounds import MAX_STATES, Key, Keys, Name, Parties, Party

#: A new instrument's id: letters, digits and . _ - (as the charter's own: CHARTER-2002).
InstrumentId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
#: An instrument binds two parties at least.
InstrumentParties = Annotated[Parties, Field(min_length=2)]
#: The n of an n-th ratification: at most one per state there is.
Threshold = Annotated[int, Field(ge=1, le=MAX_STATES)]


@dataclass(frozen=True)
class RecordInstrument(Command):
    """``entry_into_force`` is ``signature``, ``last_ratification`` or ``nth_ratification``
    (with ``threshold``, the n); by default a joint statement's is its signature, any other
    instrument's its last ratification."""

    instrument: InstrumentId
    title: Name
    kind: Key
    parties: InstrumentParties
    entry_into_force: Key | None = None
    threshold: Threshold | None = None
    open_to_accession: bool = False
    depositary: Key | None = None


@dataclass(frozen=True)
class SignInstrument(Command):
    instrument: Key
    #: An organization's id, for the Secretariat recording its signature (a state signs for
    #: itself and need not name itself).
    party: Party | None = None


@dataclass(frozen=True)
class Ratify(Command):
    instrument: Key
    #: An organization's id, for the Secretariat recording its ratification.
    party: Party | None = None


@dataclass(frozen=True)
class Accede(Command):
    instrument: Key


@dataclass(frozen=True)
class ApplyForStatus(Command):
    """A state applies for itself; the Secretariat records an organization's application."""

    #: observer or partner.
    status: Key
    #: An organization (Secretariat only).
    applicant: Party | None = None
    #: The regulation's criteria the applicant declares it meets.
    meets: Keys = ()
    #: A partner's areas of partnership.
    areas: Keys = ()


@dataclass(frozen=True)
class ConsentToStatus(Command):
    application: Key
    #: yes or no; a single no refuses the application.
    consent: Key
