"""Finding a record the caller may see for a route's view: missing and not released both
answer 404 with the same message (the send path's lookup, edge.sending.released)."""

from __future__ import annotations

from typing import Any

from accord.edge.releases import Kind
from accord.edge.sending import released
from accord.identity.model import Principal
from accord.service.runtime import Accord


def shown(accord: Accord, principal: Principal, kind: Kind, record_id: str, doing: str) -> Any:
    """The record of ``kind`` if it is released to ``principal``; a denied reading of it is
    journaled under ``doing``."""
    return released(accord, accord.world, principal, kind, record_id, doing)
