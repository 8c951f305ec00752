"""The collective formations a unit may be pledged to, each with its legal basis and dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Formation:
    id: str
    name: str
    basis: str
    start: dt.date
    #: The only states whose units belong to it (a regional grouping); empty: every member.
    members: frozenset[str]
    confidence: str
    refs: tuple[str, ...]


@cache
def formations() -> dict[str, Formation]:
    text = (resources.files("accord.forces") / "formations.yaml").read_text(encoding="utf-8")
    return {
        key: Formation(
            key,
            row["name"],
            row["basis"],
            row["from"],
            frozenset(row.get("members", ())),
            row["source"]["confidence"],
            tuple(row["source"]["refs"]),
        )
        for key, row in yaml.safe_load(text).items()
    }
