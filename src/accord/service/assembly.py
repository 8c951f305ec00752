"""The declared contexts put together: one table of commands, roles, policies and world parts.

Built once by the composition root from its list of contexts; whatever two declarations
contradict (a command handled twice, a command no role may send, a part declared twice) is an
error when Accord starts, never a silent choice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from accord.kernel.messages import Command, Event
from accord.service.contexts import Context, Core, Part
from accord.service.world import Layout


class DeclarationError(ValueError):
    """Two context declarations contradict each other, or one contradicts itself."""


@dataclass(frozen=True)
class Assembly:
    handlers: Mapping[type[Command], Any]
    #: The roles that may send each command, by its name; the rules then decide.
    roles: Mapping[str, frozenset[str]]
    policies: Mapping[type[Event], tuple[Any, ...]]
    layout: Layout
    #: The commands a scenario may send as steps, by name.
    verbs: Mapping[str, type[Command]]
    #: The command fields that name a classified record, and its kind.
    classified: Mapping[str, Any]

    @property
    def commands(self) -> dict[str, type[Command]]:
        """Every command Accord handles, by its name (the API's, accord send's, scenarios')."""
        return {kind.type_name: kind for kind in self.handlers}

    def roles_for(self, command: str) -> frozenset[str]:
        """The roles that may send ``command``; none for a name no context handles."""
        return self.roles.get(command, frozenset())


def assemble(contexts: Sequence[Context]) -> Assembly:
    cores = [(context.name, context.core()) for context in contexts if context.core is not None]
    handlers: dict[type[Command], Any] = {}
    roles: dict[str, frozenset[str]] = {}
    policies: dict[type[Event], tuple[Any, ...]] = {}
    parts: dict[str, Part[Any]] = {}
    event_types: dict[str, type[Event]] = {}
    verbs: dict[str, type[Command]] = {}
    classified: dict[str, Any] = {}
    ports: dict[str, Any] = {}
    for name, core in cores:
        _check_roles(name, core)
        for kind, handler in core.handlers.items():
            _unique(handlers, kind, f"{name}: {kind.type_name} is handled by another context")
            handlers[kind], roles[kind.type_name] = handler, frozenset(core.roles[kind])
            if core.in_scenarios:
                verbs[kind.type_name] = kind
        for event_type, listeners in core.policies.items():
            policies[event_type] = (*policies.get(event_type, ()), *listeners)
        for part in core.parts:
            _unique(parts, part.name, f"{name}: the part {part.name!r} is declared twice")
            parts[part.name] = part
        for field_name, kind in core.classified.items():
            _unique(classified, field_name, f"{name}: the field {field_name!r} is claimed twice")
            classified[field_name] = kind
        for port, provided in core.provides.items():
            _unique(ports, port.name, f"{name}: the port {port.name!r} is provided twice")
            ports[port.name] = provided
        for event_type in core.events:
            _unique(event_types, event_type.type_name, f"{name}: {event_type.type_name} twice")
            event_types[event_type.type_name] = event_type
    for name, core in cores:
        missing = [port.name for port in core.requires if port.name not in ports]
        if missing:
            raise DeclarationError(f"{name}: no context provides {', '.join(missing)}")
    layout = Layout(tuple(parts.values()), event_types, ports)
    return Assembly(handlers, roles, policies, layout, verbs, classified)


def _check_roles(name: str, core: Core) -> None:
    unsent = [kind.type_name for kind in core.handlers if not core.roles.get(kind)]
    if unsent:
        raise DeclarationError(f"{name}: no role may send {', '.join(sorted(unsent))}")
    unhandled = [kind.type_name for kind in core.roles if kind not in core.handlers]
    if unhandled:
        raise DeclarationError(f"{name}: roles for commands it does not handle: {unhandled}")


def _unique(found: Mapping[Any, Any], key: Any, message: str) -> None:
    if key in found:
        raise DeclarationError(message)
