"""What the treaty pages read from a query: the question, its facts and the date of "ask the
treaty", and the date of "members and chair". Every field is read here as plain text, so a
bad one is named on the page in the reader's language instead of answered by the API's JSON
422; the ruling itself is ``accord.rules.questions.ask``, as ``/treaty/explain`` asks it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.dashboard.home import SHOWN
from accord.dashboard.i18n import Speaking
from accord.kernel.errors import InvalidInput
from accord.rules.bounds import ERA_END, ERA_START, MAX_FACT_CHARS, MAX_FACTS
from accord.rules.questions import QUESTIONS, ask, given_facts
from accord.rules.summaries import members_summary
from accord.service.runtime import Accord

#: The slider's first year: the Treaty was signed in 1992.
FIRST_YEAR = 1992


@dataclass
class Asked:
    """A question as the form gave it, and what came of it: a ruling, or errors by field."""

    question: str
    facts: str
    as_of: str
    ruling: dict[str, Any] | None = None
    errors: dict[str, str] = field(default_factory=dict)


def day_of(text: str, speak: Speaking) -> dt.date | str:
    """A date written YYYY-MM-DD within the era, or the message saying what is wrong."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return speak.gettext("Write the date as YYYY-MM-DD.")
    if not ERA_START <= day <= ERA_END:
        return speak.gettext(
            "The date must be from %(start)s to %(end)s.",
            start=speak.date(ERA_START),
            end=speak.date(ERA_END),
        )
    return day


def put(accord: Accord, speak: Speaking, asked: Asked) -> Asked:
    """Put the question to the rulebook of its date, unless a field is wrong."""
    if asked.question not in QUESTIONS:
        asked.errors["question"] = speak.gettext("Choose one of the questions listed.")
    day = day_of(asked.as_of, speak)
    if isinstance(day, str):
        asked.errors["as_of"] = day
    lines = [line.strip() for line in asked.facts.splitlines() if line.strip()]
    if len(lines) > MAX_FACTS or any(len(line) > MAX_FACT_CHARS for line in lines):
        asked.errors["facts"] = speak.gettext(
            "At most %(count)s facts, each of at most %(length)s characters.",
            count=MAX_FACTS,
            length=MAX_FACT_CHARS,
        )
    if asked.errors or isinstance(day, str):
        return asked
    try:
        given = given_facts(lines)
        asked.ruling = ask(accord.world.rulebook(day), asked.question, given).to_dict()
    except InvalidInput as error:
        # The rule's own words name the fact (by=, article=...): they are the API's, in English.
        asked.errors["facts"] = speak.gettext("A fact was refused: %(rule)s", rule=str(error))
    return asked


@dataclass(frozen=True)
class OnDate:
    day: dt.date
    members: list[dict[str, Any]]
    chair: dict[str, Any]


def on_date(accord: Accord, day: dt.date) -> OnDate:
    """The states that are, or are about to be, members on ``day``, and the chair then."""
    rulebook = accord.world.rulebook(day)
    members = [row for row in members_summary(rulebook) if row["status"] in SHOWN]
    return OnDate(day, members, ask(rulebook, "chair", {}).to_dict())


def year_end(year: int, today: dt.date) -> dt.date:
    """The day a year on the slider stands for: its last, or today for the current year."""
    return min(dt.date(year, 12, 31), today)
