"""Expectations of a step or of the end: each key checked against the ruling or the state."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.partners.model import in_force
from accord.rules.chairmanship import rule_on_chair
from accord.rules.ruling import Ruling
from accord.service.world import World
from accord.simulation.scenario import ScenarioError

RULING_KEYS = ("allowed", "articles", "outcome", "blocked_by", "standing_aside", "absent")
_MEMBER = re.compile(r"^member\.([A-Z]{3})\.(status|frozen)$")
_INSTRUMENT = re.compile(r"^instrument\.([A-Za-z0-9_.-]+)\.in_force$")
_CASE = re.compile(r"^([A-Za-z_][\w-]*)\.stage$")


@dataclass(frozen=True)
class Situation:
    """What an expectation is checked against: the step's ruling, the world, the names."""

    world: World
    day: dt.date
    ruling: Ruling | None
    names: Mapping[str, str]
    step_case: str | None


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
    if key == "allowed":
        return ruling.allowed if ruling else None
    if key == "articles":
        return list(ruling.articles) if ruling else []
    if key in ("outcome", "blocked_by", "standing_aside", "absent"):
        return ruling.details.get(key) if ruling else None
    if key == "chair":
        if ruling is not None and "chair" in ruling.details:
            return ruling.details["chair"]
        return rule_on_chair(situation.world.rulebook(situation.day)).details.get("chair")
    if member := _MEMBER.match(key):
        rulebook = situation.world.rulebook(situation.day)
        state, what = member.groups()
        return rulebook.status_name(state) if what == "status" else bool(rulebook.frozen(state))
    if instrument := _INSTRUMENT.match(key):
        world = situation.world
        return in_force(world.charter(), world.instruments, instrument.group(1), situation.day)
    case_id = _case_for(key.removesuffix(".stage"), situation)
    case = situation.world.cases.get(case_id or "")
    return str(case.stage) if case else None


def _case_for(name: str, situation: Situation) -> str | None:
    if name != "case":
        return situation.names.get(name)
    if situation.step_case:
        return situation.step_case
    if "case" in situation.names:
        return situation.names["case"]
    return next(reversed(situation.world.cases), None)


def _matches(key: str, expected: Any, actual: Any) -> bool:
    if key == "articles":
        wanted = expected if isinstance(expected, list) else [expected]
        return all(any(_same_article(w, a) for a in actual) for w in wanted)
    if key in ("blocked_by", "standing_aside", "absent"):
        wanted = expected if isinstance(expected, list) else [expected]
        return sorted(map(str, wanted)) == sorted(actual or [])
    return bool(expected == actual)


def _same_article(wanted: Any, actual: str) -> bool:
    """``CST-4`` also matches when written with its instrument's year (``CST-1992-4``)."""
    text = str(wanted)
    return text == actual or re.sub(r"-\d{4}-", "-", text) == actual
