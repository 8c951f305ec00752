"""Reference tables shipped as data: country codes and the taxonomy of event codes.

``data/iso_numeric.csv`` (ISO 3166-1 numeric, alpha-3, alpha-2 and name of all 249 countries) was
generated from the ISO 3166-1 data of the PyPI package pycountry, version 26.2.16.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("accord.monitoring") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def fips_to_iso3() -> dict[str, str | None]:
    """GDELT's FIPS 10-4 country codes to ISO 3166-1 alpha-3 (None: a place in no country)."""
    return {row["fips"]: row["iso3"] or None for row in _rows("fips_iso3.csv")}


@cache
def gwno_to_iso3() -> dict[int, str]:
    """UCDP's Gleditsch-Ward country numbers to ISO 3166-1 alpha-3."""
    return {int(row["gwno"]): row["iso3"] for row in _rows("ucdp_countries.csv")}


@cache
def iso_numeric_to_iso3() -> dict[int, str]:
    """ISO 3166-1 numeric country codes (ACLED's ``iso``) to ISO 3166-1 alpha-3."""
    return {int(row["numeric"]): row["iso3"] for row in _rows("iso_numeric.csv")}


@cache
def iso3_to_iso2() -> dict[str, str]:
    """ISO 3166-1 alpha-3 to alpha-2 (STIX 2.1 locations name countries by alpha-2)."""
    return {row["iso3"]: row["iso2"] for row in _rows("iso_numeric.csv")}


@dataclass(frozen=True)
class Mapping:
    category: str
    subcategory: str
    reason: str


@cache
def taxonomy(source: str, field: str) -> dict[str, Mapping]:
    """The reviewed rows for one source field: code -> category, subcategory and reason."""
    return {
        row["code"]: Mapping(row["category"], row["subcategory"], row["reason"])
        for row in _rows("taxonomy.csv")
        if row["source"] == source and row["field"] == field
    }


def classify_by_prefix(source: str, field: str, code: str) -> Mapping | None:
    """The row whose code is the longest prefix of ``code`` (CAMEO codes nest by prefix)."""
    table = taxonomy(source, field)
    for end in range(len(code), 0, -1):
        found = table.get(code[:end])
        if found is not None:
            return found
    return None
