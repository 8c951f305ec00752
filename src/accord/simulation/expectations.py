"""Expectations of a step or of the end: each key checked against the ruling or the state."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.bodies.model import BODIES
from accord.bodies.views import Delegation, draft_visible, session_visible
from accord.cases.changes import CASES
from accord.cases.views import case_visible
from accord.partners.model import INSTRUMENTS, in_force
from accord.rules.chairmanship import Chairing, chair_on
from accord.rules.ruling import Ruling
from accord.rules.vote import Vote
from accord.service.world import World
from accord.simulation.scenario import ScenarioError

RULING_KEYS = ("allowed", "articles", "outcome", "blocked_by", "standing_aside", "absent", "found")
_MEMBER = re.compile(r"^member\.([A-Z]{3})\.(status|frozen)$")
_INSTRUMENT = re.compile(r"^instrument\.([A-Za-z0-9_.-]+)\.in_force$")
_CASE = re.compile(r"^([A-Za-z_][\w-]*)\.stage$")
#: ``NAME.readers``: the states whose delegations may read the case, session or draft NAME.
_READERS = re.compile(r"^([A-Za-z_][\w-]*)\.readers$")
#: ``NAME.parties_to_dispute``: the members in dispute a case or a draft NAME is about.
_DISPUTING = re.compile(r"^([A-Za-z_][\w-]*)\.parties_to_dispute$")


@dataclass(frozen=True)
class Situation:
    """What an expectation is checked against: the step's ruling, the world, the names."""

    world: World
    #: The step's instant: a status changed later that day is not seen yet.
    at: dt.datetime
    ruling: Ruling | None
    names: Mapping[str, str]
    step_case: str | None
    #: False when a record the step names was answered as missing: absent, or not released
    #: to the step's sender (the edge tells the two apart to no one).
    found: bool = True

    @property
    def day(self) -> dt.date:
        return self.at.date()


def check_keys(step: int, expect: Mapping[str, Any], has_ruling: bool) -> None:
    for key in expect:
        if key in RULING_KEYS and not has_ruling:
            raise ScenarioError(step, f"expect.{key}: a check has no ruling to compare")
        if not (
            key in RULING_KEYS
            or key == "chair"
            or key == "case.stage"
            or _MEMBER.match(key)
            or _INSTRUMENT.match(key)
            or _CASE.match(key)
            or _READERS.match(key)
            or _DISPUTING.match(key)
        ):
            raise ScenarioError(step, f"expect.{key}: unknown expectation key")


def failures(expect: Mapping[str, Any], situation: Situation) -> list[str]:
    """Every expectation that does not hold, as 'key: expected X, got Y'."""
    found = []
    for key, expected in expect.items():
        actual = _actual(key, situation)
        if not _matches(key, expected, actual):
            found.append(f"{key}: expected {expected!r}, got {actual!r}")
    return found


def _actual(key: str, situation: Situation) -> Any:
    ruling = situation.ruling
    if key == "found":
        return situation.found
    if key == "allowed":
        return ruling.allowed if ruling else None
    if key == "articles":
        return list(ruling.articles) if ruling else []
    if key in ("outcome", "blocked_by", "standing_aside", "absent"):
        vote = Vote.of(ruling) if ruling else None
        if vote is None:
            return None
        return vote.outcome.value if key == "outcome" else list(getattr(vote, key))
    if key == "chair":
        named = Chairing.of(ruling) if ruling is not None else None
        return named.chair if named else chair_on(situation.world.rulebook(situation.at))
    if member := _MEMBER.match(key):
        rulebook = situation.world.rulebook(situation.at)
        state, what = member.groups()
        return rulebook.status_name(state) if what == "status" else bool(rulebook.frozen(state))
    if instrument := _INSTRUMENT.match(key):
        world = situation.world
        return in_force(world.charter(), world[INSTRUMENTS], instrument.group(1), situation.day)
    if readers := _READERS.match(key):
        return _readers(readers.group(1), situation)
    if disputing := _DISPUTING.match(key):
        return _disputing(disputing.group(1), situation)
    case_id = _case_for(key.removesuffix(".stage"), situation)
    case = situation.world[CASES].get(case_id or "")
    return str(case.stage) if case else None


def _readers(name: str, situation: Situation) -> list[str] | None:
    """Every state whose delegation may read the record named ``name``, through the same
    predicates as the API (bodies.views, cases.views)."""
    world, day = situation.world, situation.day
    found = _case_for(name, situation) if name == "case" else situation.names.get(name)
    sittings = world[BODIES]
    if found in world[CASES]:
        case = world[CASES][found]
        return [s for s in world.charter().states if case_visible(world, case, Delegation(s), day)]
    if found in sittings.drafts:
        draft = sittings.drafts[found]
        return [
            s for s in world.charter().states if draft_visible(world, draft, Delegation(s), day)
        ]
    if found in sittings.sessions:
        session = sittings.sessions[found]
        return [
            s for s in world.charter().states if session_visible(world, session, Delegation(s), day)
        ]
    return None


def _disputing(name: str, situation: Situation) -> list[str] | None:
    found = _case_for(name, situation) or ""
    record = situation.world[CASES].get(found) or situation.world[BODIES].drafts.get(found)
    return list(record.parties_to_dispute) if record else None


def _case_for(name: str, situation: Situation) -> str | None:
    if name != "case":
        return situation.names.get(name)
    if situation.step_case:
        return situation.step_case
    if "case" in situation.names:
        return situation.names["case"]
    return next(reversed(situation.world[CASES]), None)


def _matches(key: str, expected: Any, actual: Any) -> bool:
    if key == "articles":
        wanted = expected if isinstance(expected, list) else [expected]
        return all(any(_same_article(w, a) for a in actual) for w in wanted)
    if _READERS.match(key) and actual is None:
        return False  # no case, session or draft of that name
    if key in ("blocked_by", "standing_aside", "absent") or _READERS.match(key):
        wanted = expected if isinstance(expected, list) else [expected]
        return sorted(map(str, wanted)) == sorted(actual or [])
    return bool(expected == actual)


def _same_article(wanted: Any, actual: str) -> bool:
    """``CST-4`` also matches when written with its instrument's year (``CST-1992-4``)."""
    text = str(wanted)
    return text == actual or re.sub(r"-\d{4}-", "-", text) == actual
