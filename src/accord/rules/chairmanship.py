"""Who chairs on a day: the recorded terms, and beyond them the rotation the data sets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.rules import parameters as p
from accord.rules.charter import ChairTerm
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling


@dataclass(frozen=True)
class Chairing:
    """Who chairs on the day: ``recorded`` in the data or ``projected`` by the rotation."""

    chair: str | None
    basis: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @staticmethod
    def of(ruling: Ruling) -> Chairing | None:
        return ruling.answer if isinstance(ruling.answer, Chairing) else None

    def details(self) -> Mapping[str, Any]:
        if self.basis is None:
            return {"chair": self.chair}
        term = {"state": self.chair, "from": self.start, "to": self.end}
        return {"chair": self.chair, "basis": self.basis, "term": term}


NO_CHAIR = Chairing(None)


def chair_in(ruling: Ruling) -> str | None:
    """The chair a ruling names (one of ``rule_on_chair``, or of a session it convened)."""
    chairing = Chairing.of(ruling)
    return chairing.chair if chairing else None


def chair_on(rulebook: Rulebook) -> str | None:
    return chair_in(rule_on_chair(rulebook))


def rule_on_chair(rulebook: Rulebook) -> Ruling:
    """The chair of the charter's chairing body on this day, and why."""
    because = Because("chair", rulebook.day)
    charter = rulebook.charter
    if charter.chair_body is None:
        because.refuse(
            f"{rulebook.founding.title} sets no rotating chairmanship", rulebook.founding.source
        )
        return because.ruling(NO_CHAIR)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling(NO_CHAIR)
    term = next((t for t in charter.chair_terms if t.period.contains(rulebook.day)), None)
    if term is not None:
        because.note(
            f"{rulebook.name_of(term.state)} chairs the {charter.chair_body} from "
            f"{term.period.start} (recorded term{': ' + term.note if term.note else ''})",
            term.source,
        )
        return because.ruling(Chairing(term.state, "recorded", term.period.start, term.period.end))
    last = max(charter.chair_terms, key=lambda t: t.period.start, default=None)
    if last is None or last.period.end is None or rulebook.day < last.period.end:
        first = min(charter.chair_terms, key=lambda t: t.period.start, default=None)
        because.refuse(
            f"no chair of the {charter.chair_body} is recorded for {rulebook.day}"
            + (f"; the record starts on {first.period.start}" if first else ""),
            first.source if first else rulebook.founding.source,
        )
        return because.ruling(NO_CHAIR)
    return _projected(rulebook, last, because)


def _projected(rulebook: Rulebook, last: ChairTerm, because: Because) -> Ruling:
    order = rulebook.parameter(p.ROTATION_ORDER)
    if not order or not rulebook.parameter(p.CALENDAR_YEAR_TERMS) or last.period.end is None:
        because.refuse(
            f"no chair is recorded for {rulebook.day} and the data sets no rotation to project one"
        )
        return because.ruling(NO_CHAIR)
    years = rulebook.day.year - last.period.end.year + 1
    eligible = [s for s in order if rulebook.is_member(s) or s == last.state]
    position = eligible.index(last.state) if last.state in eligible else 0
    chair = eligible[(position + years) % len(eligible)]
    start = dt.date(rulebook.day.year, 1, 1)
    because.note(
        f"after the last recorded term ({last.state}, to {last.period.end}) the chair "
        "passes each 1 January in the rotation order; suspended and former members are "
        "skipped",
        rulebook.source_of(p.ROTATION_ORDER),
    )
    because.note("terms follow the calendar year", rulebook.source_of(p.CALENDAR_YEAR_TERMS))
    because.note(
        f"projected, not recorded: {rulebook.name_of(chair)} from {start}; the CSC may "
        "decide otherwise"
    )
    return because.ruling(Chairing(chair, "projected", start, dt.date(start.year + 1, 1, 1)))
