"""Membership records in the database: appended, never rewritten."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, insert

from accord.kernel.messages import Event
from accord.membership import events as ev
from accord.membership.tables import membership_records
from accord.service.world import World

_EVENTS = (
    ev.MembershipApplied,
    ev.WithdrawalNotified,
    ev.ParticipationFrozen,
    ev.SuspensionRequested,
    ev.StatusChanged,
)


def project(connection: Connection, world: World, events: Sequence[Event]) -> None:
    rows = [
        {"state": e.state, "kind": e.type_name, "at": e.at.isoformat(), "document": e.to_dict()}
        for e in events
        if isinstance(e, _EVENTS)
    ]
    if rows:
        connection.execute(insert(membership_records), rows)
