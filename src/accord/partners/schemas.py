"""The API's shapes for instruments, organizations and status applications."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.edge.schemas import CommandBody, NotedIn, body_of
from accord.edge.views import view_of
from accord.partners import commands as cmd
from accord.partners.applications import StatusApplication
from accord.partners.commands import InstrumentId, InstrumentParties, Threshold
from accord.partners.organizations import Organization
from accord.rules.bounds import Key, Name


class EntryIntoForceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    on: Literal["signature", "last_ratification", "nth_ratification"]
    n: Threshold | None = Field(None, description="The n of nth_ratification")


# The API nests the rule of entry into force ({on, n}) and calls the instrument ``id``; the
# command keeps them flat, as the journal records them: so this body is its own.
class RecordInstrumentIn(NotedIn):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "PROT-EXAMPLE-2026",
                    "title": "Protocol on an example of cooperation",
                    "kind": "protocol",
                    "parties": ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"],
                    "entry_into_force": {"on": "nth_ratification", "n": 5},
                    "open_to_accession": True,
                    "depositary": "SECRETARIAT",
                }
            ]
        },
    )

    id: InstrumentId
    title: Name
    kind: Literal["treaty", "protocol", "agreement", "memorandum", "joint_statement"]
    parties: InstrumentParties = Field(examples=[["CSTO", "UN"]])
    entry_into_force: EntryIntoForceIn | None = Field(
        None, description="Default: on signature for a joint statement, else last ratification"
    )
    open_to_accession: bool = False
    depositary: Key | None = None


@body_of(cmd.SignInstrument, path=("instrument",))
class SignIn(CommandBody):
    """A delegation signs for its own state; the Secretariat names the organization."""


@body_of(cmd.Ratify, path=("instrument",))
class RatifyIn(CommandBody):
    """A delegation ratifies for its own state; the Secretariat names the organization."""


@body_of(cmd.Accede, path=("instrument",))
class AccedeIn(CommandBody):
    """A state that is not a party accedes to an instrument open to accession."""


class PartyOut(BaseModel):
    party: str
    signed: dt.date | None
    ratified: dt.date | None
    acceded: dt.date | None


class InstrumentOut(BaseModel):
    id: str
    title: str | None
    kind: str | None
    recorded_by: str | None = Field(description="charter, or secretariat (recorded in Accord)")
    depositary: str | None
    open_to_accession: bool
    parties: list[PartyOut]
    signed: dict[str, dt.date]
    ratified: dict[str, dt.date]
    acceded: dict[str, dt.date]
    in_force: bool
    in_force_since: dt.date | None
    status: str = Field(examples=["signed, not yet in force: 3 of 5 ratifications or accessions"])
    rule: str = Field(examples=["enters into force on the day of the 5th ratification"])


@body_of(
    cmd.ApplyForStatus,
    examples=[
        {
            "status": "observer",
            "meets": ["interest", "un_member", "diplomatic_relations", "peaceful_settlement"],
        }
    ],
)
class ApplyForStatusIn(CommandBody):
    # The document names the choices the handler holds every sender to.
    status: Literal["observer", "partner"]


@body_of(cmd.ConsentToStatus, path=("application",), examples=[{"consent": "yes"}])
class ConsentIn(CommandBody):
    # The document names the choices the handler holds every sender to.
    consent: Literal["yes", "no"]


@view_of(StatusApplication)
class ApplicationOut(BaseModel):
    id: str = Field(examples=["application-1"])
    outcome: str = Field(examples=["pending"])
    awaiting: list[str]


class CooperationOut(BaseModel):
    what: str
    kind: str
    date: dt.date | None
    when: str | None
    confidence: str
    refs: list[str]
    fact: str | None
    note: str | None


@view_of(Organization)
class OrganizationOut(BaseModel):
    id: str = Field(examples=["UN"])
    # Each cooperation with its source's citation beside it, not nested.
    cooperation: list[CooperationOut]
