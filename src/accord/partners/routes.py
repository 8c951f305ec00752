"""The partners API: instruments and their parties' acts, organizations, status applications."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from accord.edge.deps import AccordDep, PrincipalDep, SendDep
from accord.edge.links import PLAIN, created
from accord.edge.problems import PROBLEMS
from accord.edge.queries import AsOf, PageDep, RecordId, page
from accord.partners import commands as cmd
from accord.partners.applications import STATUS_APPLICATIONS
from accord.partners.model import INSTRUMENTS
from accord.partners.organizations import organizations_of
from accord.partners.schemas import (
    AccedeIn,
    ApplicationOut,
    ApplyForStatusIn,
    ConsentIn,
    InstrumentOut,
    OrganizationOut,
    RatifyIn,
    RecordInstrumentIn,
    SignIn,
)
from accord.partners.views import (
    application_view,
    instrument_views,
    known_instrument_view,
    organization_view,
)

router = APIRouter(prefix="/instruments", tags=["instruments"], responses=PROBLEMS)
partners_router = APIRouter(tags=["partners"], responses=PROBLEMS)
CREATED = PLAIN
INSTRUMENT_CREATED = created(
    "instrument",
    "GET /instruments/{instrument_id}",
    "POST /instruments/{instrument_id}/signatures",
    "POST /instruments/{instrument_id}/ratifications",
    "POST /instruments/{instrument_id}/accessions",
)
APPLICATION_CREATED = created(
    "application",
    "GET /status-applications/{application_id}",
    "POST /status-applications/{application_id}/consents",
)


@router.get("", response_model=list[InstrumentOut])
async def list_instruments(
    accord: AccordDep, principal: PrincipalDep, query: PageDep, as_of: AsOf = None
) -> Any:
    """The charter's instruments and those the Secretariat recorded, each with its status."""
    world = accord.world
    views = instrument_views(world.charter(), world[INSTRUMENTS], as_of or accord.now().date())
    return page(query, views, lambda view: str(view["id"]), by_id=False)


@router.post("", status_code=201, responses=INSTRUMENT_CREATED)
async def record_instrument(body: RecordInstrumentIn, send: SendDep) -> Any:
    """The Secretariat records an instrument: its parties and its rule of entry into force."""
    rule = body.entry_into_force
    command = cmd.RecordInstrument(
        instrument=body.id,
        title=body.title,
        kind=body.kind,
        parties=tuple(body.parties),
        entry_into_force=rule.on if rule else None,
        threshold=rule.n if rule else None,
        open_to_accession=body.open_to_accession,
        depositary=body.depositary,
        note=body.note,
    )
    return await send(command, body.on_behalf_of)


@router.get("/{instrument_id}", response_model=InstrumentOut)
async def read_instrument(
    instrument_id: RecordId, accord: AccordDep, principal: PrincipalDep, as_of: AsOf = None
) -> Any:
    """An instrument's parties, signatures, ratifications and accessions, its status on a
    date, and the rule that decides it."""
    world, day = accord.world, as_of or accord.now().date()
    return known_instrument_view(world.charter(), world[INSTRUMENTS], instrument_id, day)


@router.post("/{instrument_id}/signatures", status_code=201, responses=CREATED)
async def sign_instrument(instrument_id: RecordId, body: SignIn, send: SendDep) -> Any:
    """A party signs the instrument (the Secretariat records an organization's signature)."""
    return await send(body.command(instrument=instrument_id), body.on_behalf_of)


@router.post("/{instrument_id}/ratifications", status_code=201, responses=CREATED)
async def ratify(instrument_id: RecordId, body: RatifyIn, send: SendDep) -> Any:
    """A signatory party ratifies the instrument."""
    return await send(body.command(instrument=instrument_id), body.on_behalf_of)


@router.post("/{instrument_id}/accessions", status_code=201, responses=CREATED)
async def accede(instrument_id: RecordId, body: AccedeIn, send: SendDep) -> Any:
    """A state that is not a party accedes to an instrument open to accession."""
    return await send(body.command(instrument=instrument_id), body.on_behalf_of)


@partners_router.get("/organizations", response_model=list[OrganizationOut])
async def list_organizations(accord: AccordDep, principal: PrincipalDep, query: PageDep) -> Any:
    """The international organizations the Organization cooperates with, and on what."""
    organizations = organizations_of(accord.world.charter()).values()
    chosen = page(query, organizations, lambda organization: organization.id, by_id=False)
    return [organization_view(organization) for organization in chosen]


@partners_router.post("/status-applications", status_code=201, responses=APPLICATION_CREATED)
async def apply_for_status(body: ApplyForStatusIn, send: SendDep) -> Any:
    """A state applies for observer or partner status (the Secretariat records an
    organization's application)."""
    return await send(body.command(), body.on_behalf_of)


@partners_router.get("/status-applications", response_model=list[ApplicationOut])
async def list_status_applications(
    accord: AccordDep, principal: PrincipalDep, query: PageDep
) -> Any:
    """Every application for observer or partner status, with its consents, by id."""
    world = accord.world
    members = world.rulebook(accord.now().date()).members()
    chosen = page(query, world[STATUS_APPLICATIONS].values(), lambda a: a.id)
    return [application_view(a, members) for a in chosen]


@partners_router.get("/status-applications/{application_id}", response_model=ApplicationOut)
async def read_status_application(
    application_id: RecordId, accord: AccordDep, principal: PrincipalDep
) -> Any:
    """An application: each member's consent, whose is awaited, and the outcome."""
    world = accord.world
    application = world[STATUS_APPLICATIONS].get(application_id)
    if application is None:
        raise HTTPException(404, f"status application {application_id!r} does not exist")
    return application_view(application, world.rulebook(accord.now().date()).members())


@partners_router.post(
    "/status-applications/{application_id}/consents", status_code=201, responses=CREATED
)
async def consent_to_status(application_id: RecordId, body: ConsentIn, send: SendDep) -> Any:
    """A member's delegation consents (yes) or objects (no); one objection refuses."""
    return await send(body.command(application=application_id), body.on_behalf_of)
