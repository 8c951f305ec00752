"""The edge's table of record references covers every field of every command, so that a new
field naming a classified record cannot reach a handler unchecked."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator

from accord.bodies.commands import TableDraft
from accord.bodies.released import SESSION
from accord.bootstrap import command_types
from accord.cases.commands import CloseCase
from accord.cases.released import CASE
from accord.contexts import CONTEXTS, assembly
from accord.edge.releases import named_records
from accord.kernel.messages import Command
from accord.service.contexts import Core

CLASSIFIED = assembly().classified
#: The fields every command has (the note verbale): values, declared once on Command.
COMMON = frozenset(f.name for f in dataclasses.fields(Command))


def fields_of(kind: type, path: str = "") -> Iterator[str]:
    """Each field of a command, and of the dataclasses nested in it, as ``command.field``."""
    hints = typing.get_type_hints(kind)
    for field in dataclasses.fields(kind):
        yield f"{path}{field.name}"
        for inner in _dataclasses_in(hints[field.name]):
            yield from fields_of(inner, f"{path}{field.name}.")


def _dataclasses_in(hint: object) -> Iterator[type]:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        yield hint
    for argument in typing.get_args(hint):
        yield from _dataclasses_in(argument)


def _fields_by_context() -> Iterator[tuple[str, Core, set[str]]]:
    """Each context with a core, and the field names of its commands (nested ones too)."""
    for context in CONTEXTS:
        if context.core is not None:
            core = context.core()
            names = {f.rsplit(".", 1)[-1] for kind in core.handlers for f in fields_of(kind)}
            yield context.name, core, names


def test_every_command_field_is_a_classified_reference_an_open_record_or_a_value():
    unknown = sorted(
        f"{name}: {field}"
        for name, core, fields in _fields_by_context()
        for field in fields - set(CLASSIFIED) - core.open_records - core.values - COMMON
    )
    assert unknown == []


def test_no_nested_field_names_a_classified_record_the_edge_would_not_look_into():
    nested = [
        f"{name}.{field}"
        for name, kind in command_types().items()
        for field in fields_of(kind)
        if "." in field and field.rsplit(".", 1)[-1] in CLASSIFIED
    ]
    assert nested == []


def test_the_three_sets_do_not_overlap_and_hold_no_field_that_no_command_has():
    for name, core, fields in _fields_by_context():
        assert not set(CLASSIFIED) & (core.open_records | core.values), name
        assert not core.open_records & core.values, name
        assert not COMMON & (set(CLASSIFIED) | core.open_records | core.values), name
        assert (core.open_records | core.values) - fields == set(), name
    used = {
        field.rsplit(".", 1)[-1] for kind in command_types().values() for field in fields_of(kind)
    }
    assert set(CLASSIFIED) - used == set()


def test_a_command_names_its_classified_records_in_field_order_and_skips_empty_ones():
    tabled = TableDraft(session="session-1", kind="statement", case="case-2")
    assert list(named_records(tabled, CLASSIFIED)) == [(SESSION, "session-1"), (CASE, "case-2")]
    assert list(named_records(TableDraft(session="session-1", kind="statement"), CLASSIFIED)) == [
        (SESSION, "session-1")
    ]
    assert list(named_records(CloseCase(case="case-7"), CLASSIFIED)) == [(CASE, "case-7")]
