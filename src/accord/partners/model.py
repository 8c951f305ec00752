"""Instruments as Accord records them: parties, signatures, ratifications, accessions, and
when each enters into force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from accord.kernel.messages import Event
from accord.partners import events as ev
from accord.partners.entry_rules import EntryRule
from accord.rules.charter import Charter
from accord.service.contexts import Part

INSTRUMENT_KINDS = ("treaty", "protocol", "agreement", "memorandum", "joint_statement")


@dataclass(frozen=True)
class InstrumentTerms:
    """What the Secretariat recorded of an instrument that is not one of the charter's."""

    title: str
    kind: str
    parties: tuple[str, ...]
    rule: EntryRule
    open_to_accession: bool
    depositary: str | None
    recorded: dt.date


@dataclass(frozen=True)
class InstrumentRecord:
    id: str
    signed: dict[str, dt.date] = field(default_factory=dict)
    ratified: dict[str, dt.date] = field(default_factory=dict)
    acceded: dict[str, dt.date] = field(default_factory=dict)
    terms: InstrumentTerms | None = None

    @property
    def parties(self) -> tuple[str, ...]:
        """The recorded parties and the states that acceded; else whoever signed."""
        if self.terms is None:
            return tuple(self.signed)
        return (*self.terms.parties, *(s for s in self.acceded if s not in self.terms.parties))

    @property
    def bound(self) -> dict[str, dt.date]:
        """Each party's consent to be bound: its ratification or its accession."""
        return {**self.ratified, **self.acceded}

    def in_force_from(self) -> dt.date | None:
        """By the instrument's own rule; without one, on the last signatory's ratification."""
        if self.terms is not None:
            return self.terms.rule.in_force_from(self.terms.parties, self.signed, self.bound)
        if not self.signed or set(self.signed) - set(self.ratified):
            return None
        return max(self.ratified.values())


def in_force(
    charter: Charter, records: dict[str, InstrumentRecord], instrument: str, day: dt.date
) -> bool:
    """The charter's recorded date decides; else the instrument's rule on what is recorded."""
    known = charter.instruments.get(instrument)
    if known is not None and known.in_force is not None:
        return known.in_force_on(day)
    record = records.get(instrument)
    start = record.in_force_from() if record else None
    return start is not None and start <= day


def apply(records: dict[str, InstrumentRecord], event: Event) -> dict[str, InstrumentRecord] | None:
    """The instruments' records after one event (a new dict; the old one is left as it was),
    or None when the event is not about instruments."""
    match event:
        case ev.InstrumentRecorded():
            terms = InstrumentTerms(
                event.title,
                event.kind,
                event.parties,
                EntryRule(event.entry_into_force, event.threshold),
                event.open_to_accession,
                event.depositary,
                event.at.date(),
            )
            record = replace(_record(records, event.instrument), terms=terms)
        case ev.InstrumentSigned() | ev.InstrumentRatified() | ev.InstrumentAcceded():
            record = _record(records, event.instrument)
            kept_in = _ACTS[type(event)]
            acts: dict[str, Any] = {
                kept_in: {**getattr(record, kept_in), event.state: event.at.date()}
            }
            record = replace(record, **acts)
        case _:
            return None
    return {**records, record.id: record}


#: Where each act on an instrument is kept in its record.
_ACTS: dict[type[Event], str] = {
    ev.InstrumentSigned: "signed",
    ev.InstrumentRatified: "ratified",
    ev.InstrumentAcceded: "acceded",
}


def _record(records: dict[str, InstrumentRecord], instrument: str) -> InstrumentRecord:
    return records.get(instrument) or InstrumentRecord(instrument)


INSTRUMENTS: Part[dict[str, InstrumentRecord]] = Part("instruments", dict, apply)
