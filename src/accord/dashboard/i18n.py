"""Russian and English: the catalogs (``locale/<lang>/LC_MESSAGES/messages.mo``, compiled from
the ``.po`` beside them by ``make messages`` and committed, so that a fresh clone and an
installed wheel read them without a build step) and the language of a request."""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache
from importlib.resources import files
from typing import Any

from babel import Locale, dates

#: The working language of the organization first: it is the default.
LANGUAGES = ("ru", "en")
DEFAULT = "ru"
#: The cookie that remembers the language a user chose with the switch.
LANGUAGE_COOKIE = "accord_lang"
CATALOGS = files("accord.dashboard") / "locale"


@cache
def translations(language: str) -> gettext.GNUTranslations:
    with (CATALOGS / language / "LC_MESSAGES" / "messages.mo").open("rb") as catalog:
        return gettext.GNUTranslations(catalog)


def chosen_language(cookie: str | None, accept_language: str | None) -> str:
    """The user's choice (the cookie), else the first of Accept-Language we speak."""
    if cookie in LANGUAGES:
        return str(cookie)
    wanted = []
    for part in (accept_language or "").split(","):
        tag, _, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            continue
        if tag:
            wanted.append((weight, tag.strip()))
    ordered = [tag for _, tag in sorted(wanted, key=lambda pair: -pair[0])]
    found = Locale.negotiate(ordered, list(LANGUAGES), sep="-") if ordered else None
    return str(found) if found else DEFAULT


class Speaking:
    """What a page is written with in one language: messages, state names and dates."""

    def __init__(self, language: str, states: Any) -> None:
        self.language = language
        self.catalog = translations(language)
        self.states = states

    def gettext(self, message: str, **values: Any) -> str:
        text = self.catalog.gettext(message)
        return text % values if values else text

    def state(self, code: str | None) -> str:
        """A state's name from the charter data: ``name_ru`` in Russian, else its name."""
        record = self.states.get(code) if code else None
        if record is None:
            return code or ""
        name: str = (record.name_ru or record.name) if self.language == "ru" else record.name
        return name

    def date(self, value: dt.date | dt.datetime | str | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        return dates.format_date(value, format="long", locale=self.language)
