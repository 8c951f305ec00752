"""Alerts: a week far above its baseline recommends consultations to people. It acts on nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accord.monitoring.indicators import Indicator

#: Categories whose surge may call for consultations under the consultations article.
WATCHED = frozenset(
    {
        "terrorism",
        "armed_clash",
        "unrest",
        "border_incident",
        "mercenaries",
        "drug_trafficking",
        "illegal_migration",
    }
)
Z_THRESHOLD = 3.0
MIN_EVENTS = 5


@dataclass(frozen=True)
class Alert:
    indicator: Indicator
    reason: str
    recommendation: str


def alerts(
    series: Iterable[Indicator], consultations_article: str, names: dict[str, str]
) -> list[Alert]:
    """Every watched week with at least ``MIN_EVENTS`` events and z of ``Z_THRESHOLD`` or more."""
    found = []
    for point in series:
        if point.category not in WATCHED or point.events < MIN_EVENTS or point.z < Z_THRESHOLD:
            continue
        name = names.get(point.country, point.country)
        what = point.category.replace("_", " ")
        reason = (
            f"{what} in {name}, week of {point.week}: {point.events} events, baseline "
            f"{point.baseline:.1f}, z = {point.z:.1f}"
        )
        if point.across_border:
            reason += f", {point.across_border} of them across the border"
        found.append(
            Alert(
                point,
                reason,
                f"consider joint consultations under {consultations_article} if "
                f"{name} asks for them: people decide, Accord only recommends",
            )
        )
    return found
