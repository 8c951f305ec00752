"""Request bodies every context shares: whom a command is sent for, and a body derived from
its command, so that a field, its bound and its description are written once, on the command.

``body_of(cmd.Deploy, path=("case",))`` turns a class into the API's body of ``Deploy``: every
field of the command but those the path gives, with the command's default, its bound
(``accord.rules.bounds``), the ``#:`` comment above it as its description and its value in the
first example as its example; ``on_behalf_of`` besides. ``body.command(case=case_id)`` is the
command. A field the class declares itself is the body's (where the API asks more than the
command, say why beside it).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.config import JsonDict

from accord.kernel.messages import Command, command_fields
from accord.rules.bounds import Key

ON_BEHALF_OF = Field(
    None,
    description="Whom the command is sent for: a delegation always acts "
    "for its state; a Secretariat officer for chair, "
    "secretary_general or a body",
    examples=["chair"],
)


class ActIn(BaseModel):
    """A body that only says for whom: the path names all the command needs."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{}]})

    on_behalf_of: Key | None = ON_BEHALF_OF


class CommandBody(ActIn):
    """A command's fields as a client sends them, and whom it is sent for."""

    command_class: ClassVar[type[Command]]

    def command(self, **path: Any) -> Command:
        """The command this body asks for, with the fields its path gives."""
        fields = dataclasses.fields(self.command_class)
        values = {f.name: getattr(self, f.name) for f in fields if f.name not in path}
        return self.command_class(**values, **path)


B = TypeVar("B", bound=CommandBody)


def body_of(
    command: type[Command], path: Sequence[str] = (), examples: Sequence[JsonDict] = ({},)
) -> Callable[[type[B]], type[B]]:
    """A class decorator: the class, with every field of ``command`` but ``path`` added."""

    def derive(declared: type[B]) -> type[B]:
        example = examples[0] if examples else {}
        hints = get_type_hints(command, include_extras=True)
        docs = field_docs(command)
        fields: dict[str, Any] = {}
        for f in command_fields(command):
            if f.name in path or f.name in declared.model_fields:
                continue
            extra: dict[str, Any] = {"description": docs.get(f.name)}
            if f.name in example:
                extra["examples"] = [example[f.name]]
            fields[f.name] = (hints[f.name], _field(f, extra))
        body = create_model(
            declared.__name__,
            __base__=declared,
            __module__=declared.__module__,
            __doc__=declared.__doc__ or dataclass_doc(command),
            **fields,
        )
        body.command_class = command
        body.model_config["json_schema_extra"] = {"examples": list(examples)}
        body.model_rebuild(force=True)
        return body

    return derive


def dataclass_doc(cls: type[Any]) -> str | None:
    """The class's docstring, if it was written (not a dataclass's signature, no help to a
    client)."""
    doc = cls.__doc__
    return None if doc is None or doc.startswith(f"{cls.__name__}(") else doc


def _field(f: dataclasses.Field[Any], extra: dict[str, Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return Field(f.default, **extra)
    if f.default_factory is not dataclasses.MISSING:
        return Field(default_factory=f.default_factory, **extra)
    return Field(**extra)


_FIELD = re.compile(r"^\s+(\w+)\s*:")
_DOC = re.compile(r"^\s+#:\s?(.*)$")


def field_docs(cls: type[Any]) -> dict[str, str]:
    """Each field's ``#:`` comment (the lines just above it), as Sphinx reads them, the
    class's own and its bases' (a command's ``note`` is written on ``Command``)."""
    docs: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if dataclasses.is_dataclass(base):
            docs.update(_own_field_docs(base))
    return docs


def _own_field_docs(cls: type[Any]) -> dict[str, str]:
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in inspect.getsource(cls).splitlines():
        if doc := _DOC.match(line):
            pending.append(doc.group(1).strip())
        elif (name := _FIELD.match(line)) and pending:
            docs[name.group(1)] = " ".join(pending)
            pending = []
        else:
            pending = []
    return docs


@body_of(Command)
class NotedIn(CommandBody):
    """A body of its own (where the API shapes a command otherwise), with the note every
    command may carry."""

    if TYPE_CHECKING:  # the field is derived from Command's; this only names it for mypy
        note: str | None
