"""Hypothesis over every command's fields, as ``accord send`` reads them and as the edge
sends them (the API's bodies become the same commands): whatever the fields hold, the only
errors are the documented ones (BadInput naming a field; InvalidInput or NotFound from the
edge), and a command refused in any way changes nothing but the journal's refusals."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.bootstrap import command_types, in_memory_bus
from accord.edge.sending import send_as
from accord.edge.signed_in import BadInput
from accord.entrypoints.send_cli import command_from
from accord.identity.model import Principal, Role
from accord.kernel.errors import InvalidInput, NotFound
from accord.rules.checking import within_bounds
from accord.simulation.runtime import InMemoryRuntime

TYPES = command_types()
#: Values that sit on or across the bounds, beside whatever Hypothesis makes up.
EDGES = st.sampled_from(
    [
        "KAZ", "kaz", "XXX", "ARM", "", " ", "\x00", "a\u0085b", "\ud800", "case-1", "unit-1",
        "draft-1", "session-1", "CST-4", "2022-01-06", "1944-12-31", "9999-12-31", "support",
        2**63, -(2**63) - 1, 10**12, 0, -1, 1_000_001, 365, 366, float("nan"), float("inf"),
    ]
)  # fmt: skip
SCALARS = st.one_of(
    EDGES,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.dates().map(str),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
SENDERS = (
    Principal("fuzz-admin", "admin", Role.ADMIN, None),
    Principal("fuzz-kaz", "kaz", Role.DELEGATION, "KAZ"),
    Principal("fuzz-secretariat", "secretariat", Role.SECRETARIAT, None),
    Principal("fuzz-joint-staff", "joint-staff", Role.JOINT_STAFF, None),
)
TALLY: Counter[str] = Counter()


def fields_of(name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Fields of the right shapes with any content (Hypothesis builds the dataclass from its
    types, blind to the bounds), the command's fields with values of any kind, or any keys."""
    kind = TYPES[name]
    names = [f.name for f in dataclasses.fields(kind)]
    shaped = st.from_type(kind).map(lambda command: command.to_dict())
    known = (
        st.dictionaries(st.sampled_from(names), VALUES, max_size=len(names))
        if names
        else st.just({})
    )
    return shaped | known | st.dictionaries(st.text(max_size=10), VALUES, max_size=3)


@pytest.fixture(scope="module")
def runtime(csto) -> Iterator[InMemoryRuntime]:
    yield InMemoryRuntime(in_memory_bus(csto))
    print(f"\ncommand fuzzing: {dict(TALLY)}")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TYPES))
# 30 field sets per command, not 60: 34 commands at about 0.05 s an example.
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_fields_get_an_answer_or_a_documented_error_and_a_refusal_changes_nothing(
    runtime, name, data
):
    fields = data.draw(fields_of(name))
    principal = data.draw(st.sampled_from(SENDERS))
    TALLY["tried"] += 1
    command, error = attempt(lambda: command_from(name, fields, TYPES))
    if error is not None:
        assert isinstance(error, BadInput)
        assert str(error)  # names the field and the rule
        TALLY["refused: bad input"] += 1
        return
    # What accord send let through, the edge lets through too: one bound, one answer.
    assert within_bounds(command) == command
    world, journal = runtime.world, len(runtime.bus.uow.journal)
    sent, error = attempt(lambda: send_as(runtime, principal, command))
    if error is not None:
        assert isinstance(error, InvalidInput | NotFound)
        assert str(error)
        TALLY[f"refused: {type(error).__name__}"] += 1
        assert runtime.world is world
        assert len(runtime.bus.uow.journal) <= journal + 1  # a hidden record's denial at most
    elif sent.result is None or not sent.result.allowed:
        TALLY["refused: permission or rules"] += 1
        assert runtime.world is world
        assert len(runtime.bus.uow.journal) == journal + 1  # the refusal, journaled
    else:
        TALLY["applied"] += 1


def attempt(call: Callable[[], Any]) -> tuple[Any, Exception | None]:
    """The call's answer, or the documented error it raised (any other fails the test)."""
    try:
        return call(), None
    except (BadInput, InvalidInput, NotFound) as error:
        return None, error
