"""Plain summaries of a rulebook for people and programs: members, articles, requirements."""

from __future__ import annotations

from typing import Any

from accord.rules.admissibility import COLLECTIVE_DEFENCE, CONSULTATIONS, request_roles
from accord.rules.rulebook import Rulebook


def members_summary(rulebook: Rulebook) -> list[dict[str, Any]]:
    """Every state the charter knows, with its status on the day (members first)."""
    rows = []
    for code, state in sorted(rulebook.charter.states.items()):
        status = rulebook.status(code)
        frozen = rulebook.frozen(code)
        rows.append(
            {
                "state": code,
                "name": state.name,
                "status": status.status if status else "not_a_party",
                "since": status.period.start.isoformat() if status else None,
                "participation_frozen": frozen is not None,
                "source": status.source.cites if status else None,
                "confidence": status.source.confidence.value if status else None,
                "note": (frozen.note if frozen else None) or (status.note if status else None),
            }
        )
    order = {"member": 0, "suspended": 1, "signatory": 2}
    return sorted(rows, key=lambda row: (order.get(row["status"], 3), row["state"]))


def article_summary(rulebook: Rulebook, article_id: str) -> dict[str, Any] | None:
    """The wording of one article in force on the day, with its source and confidence."""
    article = rulebook.article(article_id)
    wording = article.wording_on(rulebook.day) if article else None
    if article is None or wording is None:
        return None
    return {
        "article": article.id,
        "title": article.title,
        "text": wording.text,
        "wording_from": wording.period.start.isoformat(),
        "confidence": wording.source.confidence.value,
        "note": wording.source.note,
    }


def request_articles(rulebook: Rulebook) -> dict[str, str]:
    """The consultations and collective-defence articles of the charter, by role."""
    by_role = {role: article for article, role in request_roles(rulebook).items()}
    return {role: by_role[role] for role in (CONSULTATIONS, COLLECTIVE_DEFENCE) if role in by_role}
