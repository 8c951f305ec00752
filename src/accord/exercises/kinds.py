"""The recurring CSTO exercises and the forces each trains (treaty-facts c.3)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExerciseKind:
    title: str
    trains: str
    refs: tuple[str, ...]


#: Keys of the charter's sources.yaml; a test checks that every one of them is there.
EXERCISE_KINDS: dict[str, ExerciseKind] = {
    "interaction": ExerciseKind(
        "Interaction (Vzaimodeystviye)",
        "command and staff of the Collective Rapid Reaction Forces",
        ("SRC-ASIAPLUS-2022-EX", "SRC-ODKB-UN-2024", "SRC-TASS-2025-EX", "SRC-MINSK-2009-EX"),
    ),
    "search": ExerciseKind(
        "Search (Poisk)",
        "reconnaissance in support of the Collective Rapid Reaction Forces",
        ("SRC-ASIAPLUS-2022-EX", "SRC-ODKB-UN-2024", "SRC-TASS-2025-EX"),
    ),
    "echelon": ExerciseKind(
        "Echelon",
        "logistics and material support",
        ("SRC-ASIAPLUS-2022-EX", "SRC-ODKB-UN-2024", "SRC-TASS-2025-EX"),
    ),
    "indestructible_brotherhood": ExerciseKind(
        "Indestructible (Unbreakable) Brotherhood",
        "the Collective Peacekeeping Forces",
        ("SRC-KAZEMBRO", "SRC-ARMYREC-2013"),
    ),
    "rubezh": ExerciseKind(
        "Rubezh",
        "the Collective Rapid Deployment Forces of Central Asia",
        ("SRC-SAAT-2005", "SRC-THEASIAN-2016-EX", "SRC-24KG-2025"),
    ),
    "cobalt": ExerciseKind(
        "Cobalt",
        "special-forces and police units of the Collective Rapid Reaction Forces",
        ("SRC-ODKB-COBALT", "SRC-CALIBER-2025"),
    ),
    "thunder": ExerciseKind("Thunder (Grom)", "anti-drug units", ("SRC-SLOVO-2013",)),
    "rock": ExerciseKind("Rock", "emergency (rescue) units", ("SRC-ODKB-UN-2024",)),
    "combat_brotherhood": ExerciseKind(
        "Combat Brotherhood",
        "a combined scenario of all the collective forces",
        ("SRC-THEASIAN-2016-EX",),
    ),
}
#: Other spellings people write for the same kinds.
KIND_SPELLINGS = {
    "vzaimodeystviye": "interaction",
    "poisk": "search",
    "unbreakable_brotherhood": "indestructible_brotherhood",
    "kobalt": "cobalt",
    "grom": "thunder",
}


def kind_key(text: str) -> str | None:
    """The kind ``text`` names ("Indestructible Brotherhood", "cobalt"), or None."""
    key = "_".join(text.strip().lower().replace("-", " ").split())
    key = KIND_SPELLINGS.get(key, key)
    return key if key in EXERCISE_KINDS else None
