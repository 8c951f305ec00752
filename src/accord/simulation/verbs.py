"""The scenario verbs: each is a command of the domain, built from a step's ``with``."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from accord.contexts import assembly
from accord.kernel.messages import Command
from accord.rules.checking import adapter, problems
from accord.simulation.scenario import ScenarioError, Step

#: ``with`` keys that name something an earlier step created with ``as``.
#: An exercise is named by its own name (Interaction-2020), so ``exercise`` is not among them;
#: nor is ``unit``, which pledge_unit uses for the unit's own name.
REFERENCES = frozenset(
    {"case", "session", "draft", "about", "plan", "decision", "stage", "application"}
)
#: ``with`` keys that list such names.
LIST_REFERENCES = frozenset({"units"})


def build_command(step: Step, names: Mapping[str, str]) -> Command:
    """The step's command, its names resolved; errors name the step and the key."""
    verbs = assembly().verbs
    cls = verbs.get(step.do)
    if cls is None:
        raise ScenarioError(
            step.number,
            f"do: unknown verb {step.do!r}; the verbs are {', '.join(sorted([*verbs, 'check']))}",
        )
    given = dict(step.given)
    if step.do == "state_position" and "state" in given and given.pop("state") != step.by:
        raise ScenarioError(
            step.number,
            f"with.state: {step.by} states only its own position, not another state's",
        )
    fields = {f.name for f in dataclasses.fields(cls)}
    for key in given:
        if key not in fields:
            raise ScenarioError(
                step.number,
                f"with.{key}: unknown key for {step.do}; it takes "
                f"{', '.join(sorted(fields)) or 'nothing'}",
            )
    for key in REFERENCES & set(given):
        given[key] = _resolve(step, key, given[key], names)
    for key in LIST_REFERENCES & set(given):
        if not isinstance(given[key], list):
            raise ScenarioError(step.number, f"with.{key}: a list of names given by 'as'")
        given[key] = [_resolve(step, key, name, names) for name in given[key]]
    try:
        return adapter(cls).validate_python(given)
    except ValidationError as error:
        key, rule = problems(error)[0]
        raise ScenarioError(step.number, f"with.{key}: {rule}") from None


def _resolve(step: Step, key: str, value: Any, names: Mapping[str, str]) -> str:
    if not isinstance(value, str):
        raise ScenarioError(step.number, f"with.{key}: a name given by an earlier step's 'as'")
    if value not in names:
        raise ScenarioError(
            step.number,
            f"with.{key}: {value!r} is not defined by an earlier "
            "step's 'as' (or that step was refused)",
        )
    return names[value]
