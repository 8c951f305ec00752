"""Who chairs on a day: the recorded terms, and beyond them the rotation the data sets."""

from __future__ import annotations

import datetime as dt

from accord.rules import parameters as p
from accord.rules.charter import ChairTerm
from accord.rules.rulebook import Rulebook
from accord.rules.ruling import Because, Ruling


def rule_on_chair(rulebook: Rulebook) -> Ruling:
    """The chair of the charter's chairing body on this day, and why."""
    because = Because("chair", rulebook.day)
    charter = rulebook.charter
    if charter.chair_body is None:
        because.refuse(
            f"{rulebook.founding.title} sets no rotating chairmanship", rulebook.founding.source
        )
        return because.ruling(chair=None)
    if not rulebook.require_treaty_in_force(because):
        return because.ruling(chair=None)
    term = next((t for t in charter.chair_terms if t.period.contains(rulebook.day)), None)
    if term is not None:
        because.note(
            f"{rulebook.name_of(term.state)} chairs the {charter.chair_body} from "
            f"{term.period.start} (recorded term{': ' + term.note if term.note else ''})",
            term.source,
        )
        return because.ruling(chair=term.state, basis="recorded", term=_term_dict(term))
    last = max(charter.chair_terms, key=lambda t: t.period.start, default=None)
    if last is None or last.period.end is None or rulebook.day < last.period.end:
        first = min(charter.chair_terms, key=lambda t: t.period.start, default=None)
        because.refuse(
            f"no chair of the {charter.chair_body} is recorded for {rulebook.day}"
            + (f"; the record starts on {first.period.start}" if first else ""),
            first.source if first else rulebook.founding.source,
        )
        return because.ruling(chair=None)
    return _projected(rulebook, last, because)


def _projected(rulebook: Rulebook, last: ChairTerm, because: Because) -> Ruling:
    order = rulebook.parameter(p.ROTATION_ORDER)
    if not order or not rulebook.parameter(p.CALENDAR_YEAR_TERMS) or last.period.end is None:
        because.refuse(
            f"no chair is recorded for {rulebook.day} and the data sets no rotation to project one"
        )
        return because.ruling(chair=None)
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
    return because.ruling(
        chair=chair,
        basis="projected",
        term={"state": chair, "from": start, "to": dt.date(start.year + 1, 1, 1)},
    )


def _term_dict(term: ChairTerm) -> dict[str, object]:
    return {"state": term.state, "from": term.period.start, "to": term.period.end}
