"""Requests prepared for a member to file: the Crisis Response Centre drafts, the member files.

Accord never files a request on its own: an analyst turns a monitoring alert into a draft
addressed to one member's delegation, and only that delegation may take it up (Treaty Art. 2:
consultations at a member's request; Art. 4: assistance at its request).
"""

from __future__ import annotations

from accord.cases import commands as cmd
from accord.cases import events as ev
from accord.cases.changes import PREPARED_REQUESTS
from accord.cases.model import PreparedRequest
from accord.cases.wording import check_request_words
from accord.kernel.errors import found
from accord.kernel.ids import state_code
from accord.rules.admissibility import Request, rule_on_request
from accord.rules.disputes import aggressor_code
from accord.rules.ruling import Because, Ruling
from accord.service.actors import SECRETARY_GENERAL, require_one_of
from accord.service.call import Call

#: The Secretariat's unit that watches the region (CSC decision of 14 Oct 2016, R-CRC).
CRISIS_RESPONSE_CENTRE = "CRISIS_RESPONSE_CENTRE"
PREPARERS = {CRISIS_RESPONSE_CENTRE, SECRETARY_GENERAL}


def prepare_request(command: cmd.PrepareRequest, context: Call) -> Ruling:
    """Draft a request for ``for_state``; it must be one that state could file today."""
    check_request_words(command)
    because = context.because("prepare_request")
    if not require_one_of(context, because, PREPARERS, "preparing a request"):
        return because.ruling()
    state = state_code(command.for_state)
    where = state_code(command.where) if command.where else state
    aggressor = aggressor_code(command.aggressor)
    request = Request(state, command.article, where, command.threat, aggressor, command.threatened)
    ruling = rule_on_request(context.rulebook, request)
    if not ruling.allowed:
        return ruling
    prepared_id = f"prepared-{len(context.world[PREPARED_REQUESTS]) + 1}"
    context.emit(
        ev.RequestPrepared(
            prepared_id,
            state,
            command.article,
            where,
            command.threat,
            aggressor,
            command.summary,
            tuple(command.threatened),
            command.grounds,
            context.actor.id,
            context.at,
        )
    )
    return ruling


def take_up(command: cmd.FileRequest, state: str, because: Because, context: Call) -> None:
    """The prepared request a filing names must be addressed to the filer and still open."""
    if command.prepared is None:
        return
    prepared = prepared_request(context, command.prepared)
    if prepared.for_state != state:
        because.refuse(
            f"{prepared.id} was prepared for {prepared.for_state}: only its delegation may file it"
        )
    elif prepared.filed_as is not None:
        because.refuse(f"{prepared.id} was already filed as {prepared.filed_as}")


def prepared_request(context: Call, prepared_id: str) -> PreparedRequest:
    return found(context.world[PREPARED_REQUESTS], "prepared request", prepared_id)
