"""Messages survive the journal: what ``to_dict`` writes, ``message_from_dict`` rebuilds."""

from __future__ import annotations

import dataclasses
import datetime as dt

from accord.kernel.messages import Event, message_from_dict


@dataclasses.dataclass(frozen=True)
class ThingsHappened(Event):
    at: dt.datetime
    on: dt.date | None
    days: tuple[dt.date, ...]
    by_day: dict[str, dt.date]
    later: Later  # defined below: resolvable only once this module is imported
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class Later:
    name: str


AT = dt.datetime(2022, 1, 5, 9, 30, tzinfo=dt.UTC)


def sample(**change: object) -> ThingsHappened:
    fields = {
        "at": AT,
        "on": dt.date(2022, 1, 6),
        "days": (dt.date(2022, 1, 7), dt.date(2022, 1, 8)),
        "by_day": {"KAZ": dt.date(2022, 1, 9)},
        "later": Later("x"),
    }
    return ThingsHappened(**{**fields, **change})  # type: ignore[arg-type]


def test_dates_tuples_and_mappings_come_back_as_they_were_written():
    event = sample()
    rebuilt = message_from_dict(ThingsHappened, event.to_dict() | {"later": Later("x")})
    assert rebuilt == event
    assert type(rebuilt.days) is tuple
    assert isinstance(rebuilt.days[0], dt.date)


def test_a_missing_or_null_optional_field_stays_null():
    data = sample(on=None).to_dict() | {"later": Later("x")}
    del data["note"]
    rebuilt = message_from_dict(ThingsHappened, data)
    assert rebuilt.on is None
    assert rebuilt.note is None


def test_decoding_the_same_class_twice_gives_equal_messages_from_different_data():
    first = message_from_dict(ThingsHappened, sample().to_dict() | {"later": Later("x")})
    moved = sample(at=AT + dt.timedelta(days=1))
    second = message_from_dict(ThingsHappened, moved.to_dict() | {"later": Later("x")})
    assert first.at == AT
    assert second.at == AT + dt.timedelta(days=1)
