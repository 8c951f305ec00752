"""Checking a command against its fields' bounds: one function every entry point uses."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

# Imported for what it defines: the bounds the kernel names (a command's note).
import accord.rules.bounds  # noqa: F401
from accord.kernel.errors import InvalidInput
from accord.kernel.messages import Message

M = TypeVar("M", bound=Message)

_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(cls: type[M]) -> TypeAdapter[M]:
    """The validator of ``cls``'s fields and their bounds; building one costs far more than
    using one, so each is built once (a race at worst builds one twice)."""
    found = _ADAPTERS.get(cls)
    if found is None:
        found = _ADAPTERS[cls] = TypeAdapter(cls)
    return found


def problems(error: ValidationError) -> list[tuple[str, str]]:
    """Each field at fault (dotted, as ``requirements.0.strength``) and the bound it breaks."""
    return [
        (".".join(str(part) for part in issue["loc"]), issue["msg"]) for issue in error.errors()
    ]


def within_bounds(command: M) -> M:
    """``command`` as its bounds read it (states in capitals), or InvalidInput naming the
    first field out of bounds and the bound. Checked on the command's journal form, so what
    is journaled is what was checked."""
    try:
        return adapter(type(command)).validate_python(command.to_dict())
    except ValidationError as error:
        field, rule = problems(error)[0]
        raise InvalidInput(field or command.type_name, rule) from None
