"""Cross-file checks of a charter: sources exist, periods do not overlap, histories agree."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from accord.kernel.errors import CharterError
from accord.kernel.time import Period
from accord.rules.charter import Charter, DatedSeries
from accord.rules.parameter import Parameter
from accord.rules.parameters import DECLARED
from accord.rules.sources import Source
from accord.rules.vocabulary import (
    BODY_KINDS,
    CONDITIONS,
    DECISION_KINDS,
    DECISION_RULES,
    NEXT_STATUSES,
    STATUSES,
)


class _Dated(Protocol):
    @property
    def period(self) -> Period: ...


def validate_charter(charter: Charter, origins: Mapping[str, str]) -> None:
    """Raise CharterError at the first inconsistency, naming the file and the key."""
    check = _Checker(charter, origins)
    check.instruments()
    check.articles()
    check.bodies()
    check.parameters()
    check.states()
    check.chairmanship()


class _Checker:
    def __init__(self, charter: Charter, origins: Mapping[str, str]) -> None:
        self.charter = charter
        self.origins = origins

    def fail(self, what: str, key: str, problem: str) -> CharterError:
        return CharterError(self.origins.get(what, what), key, problem)

    def source(self, what: str, key: str, source: Source) -> None:
        for ref in source.refs:
            if ref not in self.charter.references:
                raise self.fail(
                    what, f"{key}.refs", f"unknown source {ref!r} (not in sources.yaml)"
                )
        if source.article is not None and source.article not in self.charter.articles:
            raise self.fail(what, f"{key}.article", f"unknown article id {source.article!r}")
        if source.instrument is not None and source.instrument not in self.charter.instruments:
            raise self.fail(
                what, f"{key}.instrument", f"unknown instrument id {source.instrument!r}"
            )

    def no_overlap(self, what: str, key: str, items: Iterable[_Dated]) -> None:
        ordered = sorted(items, key=lambda item: item.period.start)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.period.overlaps(later.period):
                raise self.fail(
                    what, key, f"date ranges overlap: {earlier.period} and {later.period}"
                )
        for item in ordered:
            end = item.period.end
            if end is not None and end <= item.period.start:
                raise self.fail(what, key, f"range {item.period} ends before it starts")

    def instruments(self) -> None:
        if self.charter.founding_instrument not in self.charter.instruments:
            raise self.fail(
                "charter.yaml",
                "founding_instrument",
                f"unknown instrument id {self.charter.founding_instrument!r}",
            )
        for instrument in self.charter.instruments.values():
            what = f"instrument {instrument.id}"
            self.source(what, "source", instrument.source)
            if instrument.in_force_source is not None:
                self.source(what, "in_force_source", instrument.in_force_source)
            for amended in instrument.amends:
                if amended not in self.charter.instruments:
                    raise self.fail(what, "amends", f"unknown instrument id {amended!r}")
            if instrument.in_force is not None and instrument.in_force < instrument.signed:
                raise self.fail(what, "in_force", "enters into force before it was signed")
            if instrument.ended is not None and (
                instrument.in_force is None or instrument.ended <= instrument.in_force
            ):
                raise self.fail(what, "ended", "ends before it entered into force")

    def articles(self) -> None:
        for article in self.charter.articles.values():
            what = f"article {article.id}"
            if article.instrument not in self.charter.instruments:
                raise self.fail(
                    what,
                    f"{article.id}.instrument",
                    f"unknown instrument id {article.instrument!r}",
                )
            self.no_overlap(what, f"{article.id}.wordings", article.wordings)
            for index, wording in enumerate(article.wordings):
                self.source(what, f"{article.id}.wordings[{index}].source", wording.source)

    def bodies(self) -> None:
        for body in self.charter.bodies.values():
            what = f"body {body.id}"
            self.source(what, "source", body.source)
            if body.kind not in BODY_KINDS:
                raise self.fail(
                    what, "kind", f"unknown body kind {body.kind!r}; one of {sorted(BODY_KINDS)}"
                )
            if body.decision_rule is not None:
                for dated in body.decision_rule.values:
                    self.source(what, f"decision_rule.{dated.start}.source", dated.source)
                    if dated.value not in DECISION_RULES:
                        raise self.fail(
                            what,
                            f"decision_rule.{dated.start}.value",
                            f"unknown decision rule {dated.value!r}; one of "
                            f"{sorted(DECISION_RULES)}",
                        )
            for index, power in enumerate(body.powers):
                key = f"powers[{index}]"
                self.source(what, f"{key}.source", power.source)
                for kind in set(power.kinds) - DECISION_KINDS:
                    raise self.fail(what, f"{key}.kinds", f"unknown decision kind {kind!r}")
                for condition in set(power.requires) - CONDITIONS:
                    raise self.fail(
                        what,
                        f"{key}.requires",
                        f"unknown condition {condition!r}; one of {sorted(CONDITIONS)}",
                    )

    def parameters(self) -> None:
        for series in self.charter.parameters.values():
            what = f"parameter {series.id}"
            key = DECLARED.get(series.id)
            if key is None:
                raise self.fail(
                    what,
                    "(file name)",
                    f"unknown parameter {series.id!r}; the engine reads {sorted(DECLARED)}",
                )
            self._parameter_values(what, key, series)
        for key in DECLARED.values():
            if not key.optional and key.name not in self.charter.parameters:
                raise self.fail(
                    f"parameters/{key.name}.yaml",
                    "(file name)",
                    f"missing parameter {key.name!r} ({key.rests_on} in the CSTO data): "
                    "every charter states it, dated and cited",
                )

    def _parameter_values(self, what: str, key: Parameter[Any], series: DatedSeries) -> None:
        for dated in series.values:
            at = f"values.{dated.start}"
            self.source(what, f"{at}.source", dated.source)
            problem = key.problem(dated.value)
            if problem:
                raise self.fail(what, f"{at}.value", f"{dated.value!r} is not {problem}")
            if key.names_a_body and dated.value not in self.charter.bodies:
                raise self.fail(what, f"{at}.value", f"unknown body {dated.value!r}")

    def states(self) -> None:
        for state in self.charter.states.values():
            what = f"state {state.code}"
            self.no_overlap(what, "history", state.history)
            self.no_overlap(what, "participation_frozen", state.frozen)
            previous: str | None = None
            previous_end = None
            for index, period in enumerate(sorted(state.history, key=lambda s: s.period.start)):
                key = f"history[{index}]"
                self.source(what, f"{key}.source", period.source)
                if period.status not in STATUSES:
                    raise self.fail(
                        what,
                        f"{key}.status",
                        f"unknown status {period.status!r}; one of {sorted(STATUSES)}",
                    )
                after = previous if previous_end == period.period.start else None
                if period.status not in NEXT_STATUSES[after]:
                    raise self.fail(
                        what,
                        f"{key}.status",
                        f"history contradicts itself: {after or 'no relation'} "
                        f"cannot be followed by {period.status} on "
                        f"{period.period.start}",
                    )
                previous, previous_end = period.status, period.period.end
            for index, frozen in enumerate(state.frozen):
                self.source(what, f"participation_frozen[{index}].source", frozen.source)
                status = state.status_on(frozen.period.start)
                if status is None or status.status != "member":
                    raise self.fail(
                        what,
                        f"participation_frozen[{index}]",
                        "only a member can freeze its participation, and "
                        f"{state.code} is not one on {frozen.period.start}",
                    )

    def chairmanship(self) -> None:
        terms = self.charter.chair_terms
        if not terms:
            return
        what = "chairmanship"
        if self.charter.chair_body not in self.charter.bodies:
            raise self.fail(
                "charter.yaml", "chair_body", f"unknown body {self.charter.chair_body!r}"
            )
        self.no_overlap(what, "terms", terms)
        for index, term in enumerate(terms):
            self.source(what, f"terms[{index}].source", term.source)
            state = self.charter.states.get(term.state)
            status = state.status_on(term.period.start) if state else None
            if status is None or status.status != "member":
                raise self.fail(
                    what,
                    f"terms[{index}].state",
                    f"{term.state} is not a member on {term.period.start}",
                )
