"""`accord scenario verbs`: every verb a step may `do`, with its `with` keys, generated from
the command types the assembly gives scenarios; docs/scenarios.md is its Markdown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from accord.contexts import assembly
from accord.edge.schemas import dataclass_doc, field_docs
from accord.kernel.messages import command_fields
from accord.simulation.verbs import LIST_REFERENCES, REFERENCES

REGENERATE = "accord scenario verbs --markdown > docs/scenarios.md"


@dataclass(frozen=True)
class Key:
    """One ``with`` key of a verb: a command's field, or a field of an object inside one."""

    name: str
    type: str
    default: str | None  # None: required
    description: str


def verb_keys(kind: type[Any], prefix: str = "") -> Iterator[Key]:
    """The keys of ``kind`` (a command, or a dataclass nested in one), nested ones dotted."""
    hints, docs = typing.get_type_hints(kind), field_docs(kind)
    if _is_typeddict(kind):  # an object whose keys are each optional, or required
        for name, hint in hints.items():
            default = None if name in kind.__required_keys__ else "absent"
            yield Key(f"{prefix}{name}", _type(hint), default, "")
        return
    fields = command_fields(kind) if prefix == "" else dataclasses.fields(kind)
    for f in fields:
        name = f"{prefix}{f.name}"
        shown = _type(hints[f.name])
        if prefix == "" and f.name in REFERENCES:
            shown += " (a name an earlier step gave with `as`)"
        if prefix == "" and f.name in LIST_REFERENCES:
            shown = "list of names earlier steps gave with `as`"
        yield Key(name, shown, _default(f), docs.get(f.name, ""))
        for inner in _objects_in(hints[f.name]):
            yield from verb_keys(inner, f"{name}[].")


def text() -> str:
    """Each verb and its keys, as the terminal shows them."""
    lines: list[str] = []
    for verb, kind in sorted(assembly().verbs.items()):
        lines.append(verb)
        for key in verb_keys(kind):
            default = "required" if key.default is None else f"default {key.default}"
            lines.append(f"  {key.name}: {key.type}, {default}")
            if key.description:
                lines.append(f"      {key.description}")
    return "\n".join(lines) + "\n"


def markdown() -> str:
    """docs/scenarios.md: the verbs as Markdown, one table per verb."""
    out = [
        "# Scenario verbs",
        "",
        f"Generated from the command types by `{REGENERATE}`; do not edit by hand",
        "(`tests/unit/test_scenario_verbs.py` fails when it differs). The file format is",
        '`../shared/DESIGN.md`, "Scenario files": each step `do`es one of these verbs (or',
        "`check`, which takes no `with`) and gives its keys in `with`. Every verb takes `note`,",
        "the note verbale that goes with it, journaled with the command.",
    ]
    for verb, kind in sorted(assembly().verbs.items()):
        out += ["", f"## `{verb}`", ""]
        if doc := dataclass_doc(kind):
            out += [" ".join(doc.split()), ""]
        out += ["| key | type | required or default | description |", "|---|---|---|---|"]
        for key in verb_keys(kind):
            default = "required" if key.default is None else f"`{key.default}`"
            cells = [f"`{key.name}`", key.type, default, key.description]
            out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(out) + "\n"


def _default(f: dataclasses.Field[Any]) -> str | None:
    if f.default is not dataclasses.MISSING:
        value = f.default
    elif f.default_factory is not dataclasses.MISSING:
        value = f.default_factory()
    else:
        return None
    return json.dumps(list(value) if isinstance(value, tuple) else value)


_NAMES = {str: "text", int: "integer", float: "number", bool: "true or false", dt.date: "date"}


def _type(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return " or ".join(_type(a) for a in inner) + (" or null" if len(inner) < len(args) else "")
    if origin is typing.Literal:
        return " or ".join(json.dumps(a) for a in args)
    if origin is tuple:
        return f"list of {_type(args[0])}"
    if origin is dict:
        return f"map of {_type(args[0])} to {_type(args[1])}"
    if _is_object(hint):
        return f"object ({hint.__name__})"
    return _NAMES.get(hint, getattr(hint, "__name__", str(hint)))


def _is_object(hint: Any) -> bool:
    return _is_typeddict(hint) or (isinstance(hint, type) and dataclasses.is_dataclass(hint))


def _is_typeddict(hint: Any) -> bool:
    # typing_extensions makes TypedDicts that typing.is_typeddict does not recognise
    return isinstance(hint, type) and hasattr(hint, "__required_keys__")


def _objects_in(hint: Any) -> Iterator[type]:
    if _is_object(hint):
        yield hint
    for argument in typing.get_args(hint):
        yield from _objects_in(argument)
