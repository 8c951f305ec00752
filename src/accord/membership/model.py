"""The membership record Accord keeps on top of the charter's recorded history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from accord.kernel.messages import Event
from accord.kernel.time import Period, utc
from accord.membership import events as ev
from accord.rules.charter import Charter, StateRecord, StatusPeriod
from accord.rules.sources import Confidence, Source
from accord.service.contexts import Part

#: The source of a status Accord recorded itself: its journal, under the article cited.
JOURNAL_REF = "accord-journal"


@dataclass(frozen=True)
class Roll:
    """Status changes, frozen declarations, applications and requests recorded in Accord."""

    changes: tuple[ev.StatusChanged, ...] = ()
    frozen: tuple[ev.ParticipationFrozen, ...] = ()
    applications: tuple[ev.MembershipApplied, ...] = ()
    withdrawal_notices: tuple[ev.WithdrawalNotified, ...] = ()
    suspension_requests: tuple[ev.SuspensionRequested, ...] = ()

    def over(self, charter: Charter) -> Charter:
        """The charter with every recorded change laid over its states' histories."""
        if not self.changes and not self.frozen:
            return charter
        records = dict(charter.states)
        for change in sorted(self.changes, key=lambda c: (c.effective, utc(c.at))):
            record = records.get(change.state) or StateRecord(
                change.state, change.state, "", (), ()
            )
            records[change.state] = record.with_status(
                _period(
                    change.status,
                    change.effective,
                    _took_effect(change),
                    change.article,
                    change.reason,
                )
            )
        for frozen in self.frozen:
            records[frozen.state] = records[frozen.state].with_frozen(
                _period(
                    "participation_frozen",
                    frozen.at.date(),
                    frozen.at,
                    None,
                    "declared by the state itself; not a Charter status",
                )
            )
        return charter.with_states(records)


def _took_effect(change: ev.StatusChanged) -> dt.datetime | None:
    """The instant a change takes effect: the decision's or the notice's own when it takes
    effect that day; a notice that runs out on a later day, from the start of that day (the
    reference gives a period in months, no time of day)."""
    return change.at if change.effective == change.at.date() else None


def _period(
    status: str, start: dt.date, at: dt.datetime | None, article: str | None, note: str
) -> StatusPeriod:
    source = Source(Confidence.VERIFIED, (JOURNAL_REF,), article=article, note=note)
    return StatusPeriod(status, Period(start, None, at), source, note)


#: Where each membership event is kept on the roll.
_KEPT_IN: dict[type[Event], str] = {
    ev.StatusChanged: "changes",
    ev.ParticipationFrozen: "frozen",
    ev.MembershipApplied: "applications",
    ev.WithdrawalNotified: "withdrawal_notices",
    ev.SuspensionRequested: "suspension_requests",
}


def apply(roll: Roll, event: Event) -> Roll | None:
    """The roll after one event (a new roll; the old one is left as it was), or None when the
    event is not about membership."""
    kept_in = _KEPT_IN.get(type(event))
    if kept_in is None:
        return None
    return replace(roll, **{kept_in: (*getattr(roll, kept_in), event)})


MEMBERSHIP: Part[Roll] = Part("membership", Roll, apply, over=Roll.over)
