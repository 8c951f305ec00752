"""Every message of the dashboard's code and templates has its translation in each catalog,
and the compiled catalogs the pages read are those of the committed .po (`make messages`)."""

from __future__ import annotations

from importlib.resources import files

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from accord.dashboard.i18n import LANGUAGES, Speaking

PACKAGE = files("accord.dashboard")


def extracted() -> set[str]:
    with (PACKAGE / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(PACKAGE), method_map, options_map)
    return {message if isinstance(message, str) else message[0] for *_, message, _, _ in found}


def catalog_path(language: str, suffix: str):
    return PACKAGE / "locale" / language / "LC_MESSAGES" / f"messages.{suffix}"


def test_the_code_and_templates_have_messages():
    messages = extracted()
    assert "Log in" in messages  # a template's
    assert "Wrong name or password." in messages  # the code's
    assert "participation frozen" in messages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    with catalog_path(language, "mo").open("rb") as compiled:
        catalog = read_mo(compiled)
    untranslated = sorted(m for m in extracted() if not (catalog.get(m) and catalog[m].string))
    assert untranslated == [], f"no {language} translation (run `make messages`, then translate)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_the_po_compiled(language):
    with catalog_path(language, "po").open("rb") as source:
        written = {m.id: m.string for m in read_po(source) if m.id}
    with catalog_path(language, "mo").open("rb") as compiled:
        served = {m.id: m.string for m in read_mo(compiled) if m.id}
    assert served == written, "the .mo is stale: run `make messages`"


def test_russian_pages_read_russian_names_from_the_charter(csto):
    speak = Speaking("ru", csto.states)
    assert speak.state("KAZ") == "Казахстан"
    assert speak.gettext("Log in") == "Войти"
    assert Speaking("en", csto.states).state("KAZ") == "Kazakhstan"


def test_dates_are_written_per_locale(csto):
    import datetime as dt

    day = dt.date(2010, 6, 1)
    # CLDR writes a narrow no-break space before the year's abbreviation.
    assert Speaking("ru", csto.states).date(day) == "1 июня 2010\u202fг."
    assert Speaking("en", csto.states).date(day) == "June 1, 2010"
