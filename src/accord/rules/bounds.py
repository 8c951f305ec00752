"""The domain bound of every field a command carries, whichever entry point sends it.

The commands declare their fields with these types (``Annotated`` metadata that pydantic
checks and the dataclasses ignore); ``accord.rules.checking.within_bounds`` checks a command
against them at the edge, for the API, ``accord send`` and scenarios alike, and the API's
schemas declare their fields with the same types (one bound, one message). The handlers judge
what a value means (a known capability, a formation); these bounds keep every value
inside what a treaty organisation's records can hold, and inside what the databases store.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, Field

from accord.kernel.messages import NOTE
from accord.rules.states import known_state

#: The era a date may fall in: from the UN Charter (1945), on which every collective
#: defence treaty rests (CST Art. 4 cites its Article 51; NATO's treaty is of 1949), to the
#: end of this century, far enough for any plan or projection and short of the calendar's
#: end (year 9999), where a date one term later would not exist.
ERA_START = dt.date(1945, 1, 1)
ERA_END = dt.date(2100, 12, 31)

#: C0 and C1 control characters and lone surrogates, which no record needs and PostgreSQL
#: (NUL) or UTF-8 (surrogates) cannot store; prose keeps tabs and line breaks.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_PROSE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    if found := _CONTROL.search(text):
        raise ValueError(f"no control characters (found U+{ord(found.group()):04X})")
    return text


def _printable_prose(text: str) -> str:
    if found := _PROSE_CONTROL.search(text):
        raise ValueError(
            f"no control characters but tab and line breaks (found U+{ord(found.group()):04X})"
        )
    return text


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


T = TypeVar("T")


def _distinct(items: tuple[T, ...]) -> tuple[T, ...]:
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"{item!r} is named twice")
        seen.add(item)
    return items


#: A word of the treaty's vocabulary or a record's id: a kind, a body, "case-12".
Key = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(printable)]
#: A client's Idempotency-Key: it names a retry, and is kept beside the journal entry.
RetryKey = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(printable)]
#: A name people give: a unit, an exercise, an instrument's title, a venue.
Name = Annotated[
    str, Field(min_length=1, max_length=200), AfterValidator(printable), AfterValidator(_not_blank)
]
#: A name that may be left empty (an exercise's venue).
Label = Annotated[str, Field(max_length=200), AfterValidator(printable)]
#: A state, as ISO 3166-1 alpha-3 assigns it (any letter case; kept in capitals).
State = Annotated[str, Field(min_length=3, max_length=3), AfterValidator(known_state)]
#: A state or an organization by its code (KAZ, UN, CIS, CSTO): a party, an applicant (any
#: letter case; kept in capitals).
Party = Annotated[str, Field(pattern=r"^[A-Za-z]{2,16}$"), AfterValidator(str.upper)]


_Prose = AfterValidator(_printable_prose)
#: Free text: a case's summary, a reason, a draft decision's text, lessons learned.
Summary = Annotated[str, Field(max_length=2000), _Prose]
Reason = Annotated[str, Field(max_length=1000), _Prose]
Grounds = Annotated[str, Field(max_length=4000), _Prose]
Text = Annotated[str, Field(max_length=20_000), _Prose]
#: A note verbale's reference ("No. 1/2-345") or its text: a note runs to a page or two, so
#: 8,000 characters; one that is given says something.
Note = Annotated[str, Field(min_length=1, max_length=8000), _Prose, AfterValidator(_not_blank)]
NOTE.define(Note)
#: A UN Security Council resolution by its reference ("S/RES/2719 (2023)"): a name's bounds.
UnMandate = Annotated[
    str, Field(min_length=1, max_length=200), AfterValidator(printable), AfterValidator(_not_blank)
]


def within_era(day: dt.date, field: str = "date") -> dt.date:
    """``day`` if it falls within the era; else ValueError naming the field and the era."""
    if not ERA_START <= day <= ERA_END:
        raise ValueError(f"{field}: {day} is outside {ERA_START} to {ERA_END}")
    return day


#: A day within the era.
Day = Annotated[dt.date, Field(ge=ERA_START, le=ERA_END)]
Year = Annotated[int, Field(ge=ERA_START.year, le=ERA_END.year)]
#: Personnel of a unit, a contingent, a requirement or an exercise's troop cap: no force of
#: the organisation approaches a million.
Personnel = Annotated[int, Field(ge=1, le=1_000_000)]
#: Days from an order to arrival: a unit that needs more than a year is not on standby.
ReadinessDays = Annotated[int, Field(ge=0, le=365)]
#: A count of things done (detentions, web resources blocked): never negative.
Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
#: Kilograms seized: a finite, non-negative amount (no NaN, no infinity).
Kilograms = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)]

#: The most states one list may name: every state there is.
MAX_STATES = 250
Distinct = AfterValidator(_distinct)
States = Annotated[tuple[State, ...], Field(max_length=MAX_STATES), Distinct]
Parties = Annotated[tuple[Party, ...], Field(max_length=MAX_STATES), Distinct]
#: Words of a vocabulary (capabilities, criteria, areas), each named once.
Keys = Annotated[tuple[Key, ...], Field(max_length=50), Distinct]
#: The facts of a question put to the treaty (``key=value``): a few, each as long as a list
#: of states can be.
MAX_FACTS, MAX_FACT_CHARS = 30, 1200
#: A year's exercise plan holds a few exercises; a case's requirements a few dozen.
MAX_PLANNED_EXERCISES = 100
MAX_REQUIREMENTS = 200
#: Kilograms seized, by substance.
Seizures = Annotated[dict[Key, Kilograms], Field(max_length=100)]
#: Personnel sent, by state.
Contingents = Annotated[dict[State, Personnel], Field(max_length=MAX_STATES)]
#: National caveats by kind, each naming states (the handler knows the kinds).
Caveats = Annotated[dict[Key, States], Field(max_length=10)]
#: The pledged units a deployment or an exercise names: at most a thousand, each once.
UnitIds = Annotated[tuple[Key, ...], Field(max_length=1000), Distinct]
