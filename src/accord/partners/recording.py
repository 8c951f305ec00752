"""The Secretariat records an instrument beyond the charter's own: its parties and its rule."""

from __future__ import annotations

import re

from accord.kernel.errors import InvalidInput
from accord.partners import commands as cmd
from accord.partners import events as ev
from accord.partners.entry_rules import ENTRY_RULES, NTH_RATIFICATION, SIGNATURE, EntryRule
from accord.partners.model import INSTRUMENT_KINDS, INSTRUMENTS
from accord.partners.parties import checked_party, is_secretariat
from accord.rules.ruling import Ruling
from accord.service.call import Call

_INSTRUMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def record_instrument(command: cmd.RecordInstrument, context: Call) -> Ruling:
    """Record an instrument; its dates then come from its parties' acts, by its own rule."""
    parties = _checked(command, context)
    because = context.because("record_instrument")
    if not is_secretariat(context.actor):
        because.refuse(f"the Secretariat records instruments, not {context.actor.id}")
        return because.ruling()
    known = context.world.charter().instruments.get(command.instrument)
    record = context.world[INSTRUMENTS].get(command.instrument)
    if known is not None:
        because.refuse(
            f"{command.instrument} is one of the charter's instruments ({known.title}); "
            "its dates are the charter's",
            known.source,
        )
    elif record is not None:
        because.refuse(f"{command.instrument} is already recorded in Accord")
    else:
        rule = _rule(command)
        context.emit(
            ev.InstrumentRecorded(
                command.instrument,
                command.title.strip(),
                command.kind,
                parties,
                rule.on,
                rule.threshold,
                command.open_to_accession,
                command.depositary,
                context.at,
            )
        )
        because.note(f"{command.instrument} {rule.describe()}; parties: {', '.join(parties)}")
    return because.ruling(instrument=command.instrument)


def _checked(command: cmd.RecordInstrument, context: Call) -> tuple[str, ...]:
    """The parties, checked with the rest of the input; bad input records nothing."""
    if not _INSTRUMENT_ID.match(command.instrument):
        raise InvalidInput("instrument", "letters, digits, '.', '_' or '-', at most 64")
    if not command.title.strip() or len(command.title) > 300:
        raise InvalidInput("title", "a title of 1 to 300 characters")
    if command.kind not in INSTRUMENT_KINDS:
        raise InvalidInput("kind", f"one of {', '.join(INSTRUMENT_KINDS)}")
    charter = context.world.charter()
    parties = tuple(checked_party(charter, p, "parties") for p in command.parties)
    if len(set(parties)) != len(parties) or len(parties) < 2:
        raise InvalidInput("parties", "at least two parties, each named once")
    if command.depositary is not None and not 0 < len(command.depositary) <= 64:
        raise InvalidInput("depositary", "1 to 64 characters")
    rule = _rule(command)
    if rule.on not in ENTRY_RULES:
        raise InvalidInput("entry_into_force", f"one of {', '.join(ENTRY_RULES)}")
    if command.kind == "joint_statement" and rule.on != SIGNATURE:
        raise InvalidInput("entry_into_force", "a joint statement takes effect on signature")
    if rule.on == NTH_RATIFICATION and not 1 <= (rule.threshold or 0) <= len(parties):
        raise InvalidInput("threshold", f"the n of nth_ratification: 1 to {len(parties)}")
    if rule.on != NTH_RATIFICATION and rule.threshold is not None:
        raise InvalidInput("threshold", "only nth_ratification counts ratifications")
    return parties


def _rule(command: cmd.RecordInstrument) -> EntryRule:
    """A joint statement takes effect on signature; anything else, by default, on the last
    ratification."""
    default = SIGNATURE if command.kind == "joint_statement" else "last_ratification"
    return EntryRule(command.entry_into_force or default, command.threshold)
