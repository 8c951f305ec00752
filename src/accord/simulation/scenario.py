"""The scenario file format (DESIGN.md): a public contract, so unknown keys are errors."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from accord.kernel.errors import AccordError, CharterError
from accord.rules.yamlfiles import read_yaml

ONE_MINUTE = dt.timedelta(minutes=1)
#: When a step may happen (its wall-clock time): a century before the treaties and one after,
#: so that a step one minute after the last is still a date Python can hold.
EARLIEST = dt.datetime(1900, 1, 1)
LATEST = dt.datetime(2099, 12, 31, 23, 59)


class ScenarioError(AccordError):
    """A scenario that cannot run as written: names the step (0 for the file itself)."""

    def __init__(self, step: int, problem: str) -> None:
        super().__init__(f"step {step}: {problem}" if step else problem)
        self.step = step
        self.problem = problem


#: Strict: in lax mode pydantic takes a number for seconds since 1970.
_When = Annotated[str, Strict()] | Annotated[dt.datetime, Strict()] | Annotated[dt.date, Strict()]


class _StepFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    at: _When | None = None
    by: str | None = None
    do: str
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")
    as_: str | None = Field(default=None, alias="as")
    expect: dict[str, Any] = Field(default_factory=dict)


class _ScenarioFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    charter: str = "csto"
    description: str = ""
    steps: list[_StepFile] = Field(min_length=1)
    final: dict[str, Any] = Field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    number: int
    at: dt.datetime
    by: str | None
    do: str
    given: dict[str, Any]
    name: str | None
    expect: dict[str, Any]


@dataclass(frozen=True)
class Scenario:
    name: str
    charter: str
    description: str
    steps: tuple[Step, ...]
    final: dict[str, Any] = field(default_factory=dict)


def load_scenario(path: Path) -> Scenario:
    """The scenario in ``path`` (its errors do not repeat the path: the caller names it)."""
    try:
        raw = read_yaml(path, path.name)
    except CharterError as error:
        raise ScenarioError(0, error.problem) from None
    return parse_scenario(raw)


def parse_scenario(raw: Any) -> Scenario:
    """Validate a scenario's shape; each error names the step and the key."""
    try:
        parsed = _ScenarioFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = [str(p) for p in first["loc"]]
        if len(location) >= 2 and location[0] == "steps":
            raise ScenarioError(
                int(location[1]) + 1, f"{'.'.join(location[2:]) or 'step'}: {first['msg']}"
            ) from None
        raise ScenarioError(0, f"{'.'.join(location) or 'file'}: {first['msg']}") from None
    steps, previous = [], None
    for number, item in enumerate(parsed.steps, start=1):
        at = _when(number, item.at, previous)
        if item.do != "check" and not item.by:
            raise ScenarioError(number, "by: required (who acts)")
        if item.as_ is not None and not re.fullmatch(r"[A-Za-z_][\w-]*", item.as_):
            raise ScenarioError(number, f"as: {item.as_!r} is not a name")
        steps.append(Step(number, at, item.by, item.do, item.with_, item.as_, item.expect))
        previous = at
    return Scenario(parsed.name, parsed.charter, parsed.description, tuple(steps), parsed.final)


def _when(number: int, value: Any, previous: dt.datetime | None) -> dt.datetime:
    if value is None:
        if previous is None:
            raise ScenarioError(number, "at: the first step says when it happens")
        return previous + ONE_MINUTE
    if isinstance(value, dt.datetime):
        at = value
    elif isinstance(value, dt.date):
        at = dt.datetime.combine(value, dt.time())
    else:
        try:
            at = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ScenarioError(
                number, f"at: {value!r} is not a date or date-time (YYYY-MM-DDTHH:MM[+HH:MM])"
            ) from None
    if not EARLIEST <= at.replace(tzinfo=None) <= LATEST:
        raise ScenarioError(
            number, f"at: {at.isoformat()} is outside {EARLIEST:%Y-%m-%d} to {LATEST:%Y-%m-%d}"
        )
    if previous is not None and _utc(at) < _utc(previous):
        raise ScenarioError(number, f"at: {at.isoformat()} is earlier than the step before it")
    return at


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
