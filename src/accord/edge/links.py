"""The 201 answer of a command, in the OpenAPI document, with links (OpenAPI 3 ``links``) from
what it created to the operations that take that record's id: a client, or a stateful test
(Schemathesis), learns from the document alone that POST /cases gives the ``case_id`` of
GET /cases/{case_id}."""

from __future__ import annotations

import re
from typing import Any

from accord.edge.problems import CommandOut

Responses = dict[int | str, dict[str, Any]]


def created(kind: str, *targets: str) -> Responses:
    """201 with CommandOut, ``created[kind]`` linked to each target, e.g.
    ``"GET /cases/{case_id}"`` (the path's one parameter takes the id)."""
    links = {_name(target): _link(kind, target) for target in targets}
    return {201: {"model": CommandOut, "links": links}}


def _link(kind: str, target: str) -> dict[str, Any]:
    method, path = target.split(" ", 1)
    (parameter,) = re.findall(r"{(\w+)}", path)
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {
        "operationRef": f"#/paths/{pointer}/{method.lower()}",
        "parameters": {parameter: f"$response.body#/created/{kind}"},
        "description": f"The {kind.replace('_', ' ')} just created",
    }


def _name(target: str) -> str:
    """A link's name (OpenAPI allows letters, digits, '.', '-' and '_')."""
    return "_".join(re.findall(r"[A-Za-z]+", target))


#: Commands that create nothing: 201 with the journal entry, no link.
PLAIN: Responses = {201: {"model": CommandOut}}
