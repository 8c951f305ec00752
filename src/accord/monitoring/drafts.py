"""An alert turned into a draft request for the member's delegation to file, if it wants to.

The draft is what an analyst sends to ``POST /prepared-requests``: Accord prepares, people file.
"""

from __future__ import annotations

from typing import Any

from accord.monitoring.alerts import Alert

#: What each category endangers, in the words of the consultations article (Treaty Art. 2).
THREATENED: dict[str, list[str]] = {
    "armed_clash": ["security", "territorial_integrity"],
    "border_incident": ["security", "territorial_integrity"],
    "terrorism": ["security", "stability"],
    "mercenaries": ["security", "stability"],
    "unrest": ["stability"],
    "drug_trafficking": ["security"],
    "illegal_migration": ["security"],
}


def draft_request(alert: Alert, consultations_article: str, country_name: str) -> dict[str, Any]:
    point = alert.indicator
    what = point.category.replace("_", " ")
    return {
        "for_state": point.country,
        "article": consultations_article,
        "where": point.country,
        "threat": "threat",
        "threatened": THREATENED.get(point.category, ["security"]),
        "summary": f"joint consultations on {what} in {country_name} (week of {point.week})",
        "grounds": alert.reason,
    }
