"""The rulebook as of a day or an instant: the instruments, wordings, values and statuses in
force then."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from accord.rules.charter import Article, Body, Charter, DatedValue, Instrument, StatusPeriod
from accord.rules.parameter import Parameter
from accord.rules.ruling import Because
from accord.rules.sources import Source

T = TypeVar("T")


@dataclass(frozen=True)
class Rulebook:
    """What one charter says applies on one day, or at one instant of it. Build it with
    ``Rulebook.as_of``.

    Texts, bodies and values are dated by the day. A state's status changes at the instant of
    the decision or notice that makes it where that instant is known: asked at an instant, the
    rulebook sees the status as it was then; asked about a bare day, as it stood at the end of
    that day, every change of the day seen.
    """

    charter: Charter
    day: dt.date
    #: The instant asked about (a command's), or None for a bare day.
    at: dt.datetime | None = None

    @classmethod
    def as_of(cls, charter: Charter, when: dt.date) -> Rulebook:
        """As of a day, or of an instant when ``when`` is a datetime (on its own day)."""
        if isinstance(when, dt.datetime):
            return cls(charter, when.date(), when)
        return cls(charter, when)

    # -- the founding instrument -------------------------------------------------------------
    @property
    def founding(self) -> Instrument:
        return self.charter.instruments[self.charter.founding_instrument]

    @property
    def treaty_in_force(self) -> bool:
        return self.founding.in_force_on(self.day)

    def require_treaty_in_force(self, because: Because) -> bool:
        """Refuse, with a clear reason, on a day the founding treaty does not apply."""
        founding = self.founding
        if self.treaty_in_force:
            return True
        if self.day < founding.signed:
            because.refuse(
                f"{founding.title} was signed on {founding.signed}; on {self.day} it "
                "did not exist yet, so none of its rules applies",
                founding.source,
            )
        elif founding.in_force is None or self.day < founding.in_force:
            because.refuse(
                f"{founding.title} was signed on {founding.signed} but is not in "
                f"force on {self.day} (in force from {founding.in_force or 'unknown'})",
                founding.in_force_source or founding.source,
            )
        else:
            because.refuse(f"{founding.title} ceased to apply on {founding.ended}", founding.source)
        return False

    # -- parameters ----------------------------------------------------------------------------
    def parameter(self, key: Parameter[T]) -> T:
        """The value of ``key`` on the day, or its ``unset`` value if the charter gives none."""
        dated = self.dated(key)
        return key.unset if dated is None else key.read(dated.value)

    def source_of(self, key: Parameter[Any], item: str | None = None) -> Source | None:
        """Where the value of ``key`` (or of its ``item``) on the day comes from; ``None`` when
        it is unset."""
        dated = self.dated(key)
        return dated.source_of(item) if dated else None

    def dated(self, key: Parameter[Any]) -> DatedValue | None:
        series = self.charter.parameters.get(key.name)
        return series.on(self.day) if series else None

    def absent_parameter(self, key: Parameter[Any], what: str, because: Because) -> None:
        """Refuse because ``key`` has no value on the day, citing when it has one, if ever."""
        series = self.charter.parameters.get(key.name)
        later = next((d for d in series.values if d.start > self.day), None) if series else None
        if later is not None:
            because.refuse(f"{what} on {self.day}: it exists only from {later.start}", later.source)
        else:
            because.refuse(f"{what} in {self.founding.title}", self.founding.source)

    # -- states ----------------------------------------------------------------------------------
    def status(self, code: str) -> StatusPeriod | None:
        state = self.charter.states.get(code)
        if state is None:
            return None
        return state.status_at(self.at) if self.at else state.status_on(self.day)

    def status_name(self, code: str) -> str:
        status = self.status(code)
        return status.status if status else "not_a_party"

    def is_member(self, code: str) -> bool:
        return self.status_name(code) == "member"

    def frozen(self, code: str) -> StatusPeriod | None:
        state = self.charter.states.get(code)
        if state is None:
            return None
        return state.frozen_at(self.at) if self.at else state.frozen_on(self.day)

    def members(self) -> list[str]:
        return sorted(code for code in self.charter.states if self.is_member(code))

    def name_of(self, code: str) -> str:
        state = self.charter.states.get(code)
        return state.name if state else code

    # -- texts and bodies --------------------------------------------------------------------
    def instruments_in_force(self) -> list[Instrument]:
        return [i for i in self.charter.instruments.values() if i.in_force_on(self.day)]

    def article(self, article_id: str) -> Article | None:
        return self.charter.articles.get(article_id)

    def body(self, body_id: str) -> Body | None:
        body = self.charter.bodies.get(body_id)
        return body if body and body.period.contains(self.day) else None

    def require_body(self, body_id: str, because: Because) -> Body | None:
        """The body existing on the day, or a refusal saying when it exists, if ever."""
        body = self.charter.bodies.get(body_id)
        if body is None:
            known = ", ".join(sorted(self.charter.bodies))
            because.refuse(
                f"there is no body {body_id!r} in {self.founding.title} (bodies: {known})",
                self.founding.source,
            )
            return None
        if not body.period.contains(self.day):
            because.refuse(
                f"the {body.name} exists only from {body.period}, not on {self.day}", body.source
            )
            return None
        return body
