"""Use cases of instruments: a state signs, a state ratifies."""

from __future__ import annotations

from accord.kernel.messages import Command
from accord.partners import commands as cmd
from accord.partners import events as ev
from accord.rules.ruling import Ruling
from accord.service.actors import acting_state
from accord.service.context import Context


def sign_instrument(command: cmd.SignInstrument, context: Context) -> Ruling:
    """A state signs an instrument (a second signature by the same state changes nothing)."""
    because = context.because("sign_instrument")
    state = acting_state(context, because, "signing")
    if state is None:
        return because.ruling()
    known = context.world.charter().instruments.get(command.instrument)
    if known is not None:
        because.note(f"signs {known.title}", known.source)
    record = context.world.instruments.get(command.instrument)
    if record is None or state not in record.signed:
        context.emit(ev.InstrumentSigned(command.instrument, state, context.at))
    return because.ruling()


def ratify(command: cmd.Ratify, context: Context) -> Ruling:
    """A signatory ratifies; a state that did not sign is not a party and cannot."""
    because = context.because("ratify")
    state = acting_state(context, because, "ratifying")
    if state is None:
        return because.ruling()
    record = context.world.instruments.get(command.instrument)
    known = context.world.charter().instruments.get(command.instrument)
    if record is not None and record.signed and state not in record.signed:
        because.refuse(
            f"{state} has not signed {command.instrument} and is not a party to it",
            known.source if known else None,
        )
    elif record is None and known is None:
        because.refuse(f"{command.instrument} has not been signed by anyone yet")
    elif record is None or state not in record.ratified:
        context.emit(ev.InstrumentRatified(command.instrument, state, context.at))
    return because.ruling()


COMMAND_HANDLERS: dict[type[Command], object] = {
    cmd.SignInstrument: sign_instrument,
    cmd.Ratify: ratify,
}
