"""The membership record Accord keeps on top of the charter's recorded history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accord.kernel.messages import Event
from accord.kernel.time import Period
from accord.membership import events as ev
from accord.rules.charter import Charter, StateRecord, StatusPeriod
from accord.rules.sources import Confidence, Source

#: The source of a status Accord recorded itself: its journal, under the article cited.
JOURNAL_REF = "accord-journal"


@dataclass
class Roll:
    """Status changes, frozen declarations, applications and requests recorded in Accord."""

    changes: list[ev.StatusChanged] = field(default_factory=list)
    frozen: list[ev.ParticipationFrozen] = field(default_factory=list)
    applications: list[ev.MembershipApplied] = field(default_factory=list)
    withdrawal_notices: list[ev.WithdrawalNotified] = field(default_factory=list)
    suspension_requests: list[ev.SuspensionRequested] = field(default_factory=list)
    version: int = 0

    def over(self, charter: Charter) -> Charter:
        """The charter with every recorded change laid over its states' histories."""
        if not self.changes and not self.frozen:
            return charter
        records = dict(charter.states)
        for change in sorted(self.changes, key=lambda c: c.effective):
            record = records.get(change.state) or StateRecord(
                change.state, change.state, "", (), ()
            )
            records[change.state] = record.with_status(
                _period(change.status, change.effective, change.article, change.reason)
            )
        for frozen in self.frozen:
            records[frozen.state] = records[frozen.state].with_frozen(
                _period(
                    "participation_frozen",
                    frozen.at.date(),
                    None,
                    "declared by the state itself; not a Charter status",
                )
            )
        return charter.with_states(records)


def _period(status: str, start: dt.date, article: str | None, note: str) -> StatusPeriod:
    source = Source(Confidence.VERIFIED, (JOURNAL_REF,), article=article, note=note)
    return StatusPeriod(status, Period(start), source, note)


def apply(roll: Roll, event: Event) -> bool:
    match event:
        case ev.StatusChanged():
            roll.changes.append(event)
        case ev.ParticipationFrozen():
            roll.frozen.append(event)
        case ev.MembershipApplied():
            roll.applications.append(event)
        case ev.WithdrawalNotified():
            roll.withdrawal_notices.append(event)
        case ev.SuspensionRequested():
            roll.suspension_requests.append(event)
        case _:
            return False
    roll.version += 1
    return True
