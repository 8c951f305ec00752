"""Use cases of instruments: the Secretariat records one; parties sign, ratify or accede."""

from __future__ import annotations

import copy
from typing import Any

from accord.kernel.errors import NotFound
from accord.kernel.messages import Command
from accord.partners import commands as cmd
from accord.partners import events as ev
from accord.partners.entry_rules import SIGNATURE
from accord.partners.model import INSTRUMENTS, InstrumentRecord
from accord.partners.parties import acting_party
from accord.partners.recording import record_instrument
from accord.partners.status_handlers import COMMAND_HANDLERS as STATUS_HANDLERS
from accord.rules.charter import Instrument
from accord.rules.ruling import Because, Ruling
from accord.service.actors import acting_state
from accord.service.call import Call


def sign_instrument(command: cmd.SignInstrument, context: Call) -> Ruling:
    """A party signs (a second signature by the same party changes nothing)."""
    because = context.because("sign_instrument")
    known, record = _instrument(command.instrument, context)
    party = acting_party(context, because, command.party, "signing")
    if party is None:
        return because.ruling()
    if known is not None:
        because.note(f"signs {known.title}", known.source)
    if record is not None and party in record.acceded:
        _refuse_acceded(because, record, party)
    elif record is not None and record.terms is not None and party not in record.parties:
        _refuse_non_party(because, record, party, "sign")
    elif record is None or party not in record.signed:
        context.emit(ev.InstrumentSigned(command.instrument, party, context.at))
        _note_entry_into_force(because, context, record, party, "signature")
    return because.ruling()


def ratify(command: cmd.Ratify, context: Call) -> Ruling:
    """A signatory ratifies; a state that is not a party, or did not sign, cannot."""
    because = context.because("ratify")
    known, record = _instrument(command.instrument, context)
    party = acting_party(context, because, command.party, "ratification")
    if party is None:
        return because.ruling()
    terms = record.terms if record else None
    if record is not None and party in record.acceded:
        _refuse_acceded(because, record, party)
    elif record is not None and terms is not None and terms.rule.on == SIGNATURE:
        because.refuse(f"{command.instrument} {terms.rule.describe()}; it is not ratified")
    elif record is not None and party not in record.parties and (terms or record.signed):
        _refuse_non_party(because, record, party, "ratify", known)
    elif record is not None and terms is not None and party not in record.signed:
        because.refuse(f"{party} has not signed {command.instrument}: it ratifies after signing")
    elif record is None or party not in record.ratified:
        context.emit(ev.InstrumentRatified(command.instrument, party, context.at))
        _note_entry_into_force(because, context, record, party, "ratification")
    return because.ruling()


def accede(command: cmd.Accede, context: Call) -> Ruling:
    """A state that is not a party joins an instrument open to accession."""
    because = context.because("accede")
    known, record = _instrument(command.instrument, context)
    state = acting_state(context, because, "acceding")
    if state is None:
        return because.ruling()
    terms = record.terms if record else None
    if known is not None:
        because.refuse(
            f"the charter records no accession clause for {known.title}; a state joins the "
            "Organization's founding treaty by admission (apply_for_membership)",
            known.source,
        )
    elif record is None or terms is None or not terms.open_to_accession:
        parties = ", ".join(record.parties) if record else "none"
        because.refuse(f"{command.instrument} is not open to accession; its parties are {parties}")
    elif state in record.parties:
        because.refuse(f"{state} is already a party to {command.instrument}")
    else:
        context.emit(ev.InstrumentAcceded(command.instrument, state, context.at))
        _note_entry_into_force(because, context, record, state, "accession")
    return because.ruling()


def _instrument(
    instrument: str, context: Call
) -> tuple[Instrument | None, InstrumentRecord | None]:
    """The charter's instrument and Accord's record of it; neither is a missing record."""
    known = context.world.charter().instruments.get(instrument)
    record = context.world[INSTRUMENTS].get(instrument)
    if known is None and record is None:
        raise NotFound(f"instrument {instrument!r} is neither in the charter nor recorded")
    return known, record


def _refuse_non_party(
    because: Because,
    record: InstrumentRecord,
    party: str,
    doing: str,
    known: Instrument | None = None,
) -> None:
    because.refuse(
        f"{party} is not a party to {record.id} and cannot {doing} it; its parties are "
        f"{', '.join(record.parties)}",
        known.source if known else None,
    )


def _refuse_acceded(because: Because, record: InstrumentRecord, party: str) -> None:
    because.refuse(
        f"{party} acceded to {record.id} on {record.acceded[party]}: accession binds it "
        "without signature or ratification"
    )


#: Which dates of a record each act fills in.
_DATES_OF = {"signature": "signed", "ratification": "ratified", "accession": "acceded"}


def _note_entry_into_force(
    because: Because, context: Call, record: InstrumentRecord | None, party: str, act: str
) -> None:
    """Say so when this act is the one that brings a recorded instrument into force."""
    if record is None or record.terms is None or record.in_force_from() is not None:
        return
    after = copy.deepcopy(record)
    getattr(after, _DATES_OF[act])[party] = context.day
    if after.in_force_from() == context.day:
        because.note(
            f"with {party}'s {act}, {record.id} enters into force on {context.day}: it "
            f"{record.terms.rule.describe()}"
        )


COMMAND_HANDLERS: dict[type[Command], Any] = {
    cmd.RecordInstrument: record_instrument,
    cmd.SignInstrument: sign_instrument,
    cmd.Ratify: ratify,
    cmd.Accede: accede,
    **STATUS_HANDLERS,
}
