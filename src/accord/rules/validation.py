"""Cross-file checks of a charter: sources exist, periods do not overlap, histories agree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accord.rules.charter import Charter, DatedSeries
from accord.rules.cross_checks import CrossCheck
from accord.rules.parameter import Parameter
from accord.rules.parameters import DECLARED
from accord.rules.state_history_checks import check_chairmanship, check_states
from accord.rules.vocabulary import BODY_KINDS, CONDITIONS, DECISION_KINDS, DECISION_RULES


def validate_charter(charter: Charter, origins: Mapping[str, str]) -> None:
    """Raise CharterError at the first inconsistency, naming the file and the key."""
    check = _TextChecks(charter, origins)
    check.instruments()
    check.articles()
    check.bodies()
    check.parameters()
    check_states(check)
    check_chairmanship(check)


class _TextChecks(CrossCheck):
    """The instruments, their articles, the bodies and the parameters: each cites what exists."""

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
            for item, cited in dated.items.items():
                if not isinstance(dated.value, list) or item not in dated.value:
                    raise self.fail(what, f"{at}.items.{item}", f"{item!r} is not in the value")
                self.source(what, f"{at}.items.{item}", cited)
            if key.names_a_body and dated.value not in self.charter.bodies:
                raise self.fail(what, f"{at}.value", f"unknown body {dated.value!r}")
