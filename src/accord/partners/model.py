"""Instruments as Accord records them: who signed, who ratified, when it entered into force."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event
from accord.partners import events as ev
from accord.rules.charter import Charter


@dataclass
class InstrumentRecord:
    id: str
    signed: dict[str, dt.date] = field(default_factory=dict)
    ratified: dict[str, dt.date] = field(default_factory=dict)

    def in_force_from(self) -> dt.date | None:
        """Without a rule of its own, an instrument enters into force on its last ratification."""
        if not self.signed or set(self.signed) - set(self.ratified):
            return None
        return max(self.ratified.values())


def in_force(
    charter: Charter, records: dict[str, InstrumentRecord], instrument: str, day: dt.date
) -> bool:
    """The charter's recorded date decides; else the signatures and ratifications recorded."""
    known = charter.instruments.get(instrument)
    if known is not None and known.in_force is not None:
        return known.in_force_on(day)
    record = records.get(instrument)
    start = record.in_force_from() if record else None
    return start is not None and start <= day


def apply(records: dict[str, InstrumentRecord], event: Event) -> bool:
    match event:
        case ev.InstrumentSigned():
            records.setdefault(event.instrument, InstrumentRecord(event.instrument)).signed[
                event.state
            ] = event.at.date()
        case ev.InstrumentRatified():
            records.setdefault(event.instrument, InstrumentRecord(event.instrument)).ratified[
                event.state
            ] = event.at.date()
        case _:
            return False
    return True
