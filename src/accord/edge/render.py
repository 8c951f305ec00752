"""Rendering answers for people (Rich) and for programs (JSON)."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from accord.rules.ruling import Ruling

_MARK = {"verified": "", "secondary": ", secondary", "unverified": ", UNVERIFIED"}


@cache
def console() -> Console:
    """The commands' one console, made at its first use: Rich's console and tables take
    longer to load than the rest of `accord --help` (issue 13)."""
    from rich.console import Console

    return Console()


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


#: Questions that ask for a fact rather than a permission: their answer is not "allowed".
_FACT_QUESTIONS = {"chair", "status", "participants"}
_SHOWN_ELSEWHERE = {"question", "as_of", "allowed", "articles", "confidence", "reasons"}


def print_ruling(console: Console, ruling: Ruling) -> None:
    if ruling.question in _FACT_QUESTIONS:
        verdict = "answer" if ruling.allowed else "[red]no answer[/red]"
    else:
        verdict = "[green]ALLOWED[/green]" if ruling.allowed else "[red]REFUSED[/red]"
    console.print(
        f"{ruling.question} as of {ruling.as_of}: {verdict}"
        f"  (articles: {', '.join(ruling.articles) or '—'}; "
        f"confidence: {ruling.confidence.value})"
    )
    data = ruling.to_dict()
    for reason in data["reasons"]:
        cited = f" [{reason['article']}{_MARK[reason['confidence']]}]" if reason["article"] else ""
        console.print(f"  • {reason['text']}{cited}", highlight=False, markup=False)
    for key, value in data.items():
        if key not in _SHOWN_ELSEWHERE and value not in (None, [], {}):
            console.print(f"  {key}: {value}", highlight=False, markup=False)


def members_table(rows: list[dict[str, Any]], title: str) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title)
    for column in ("state", "name", "status", "since", "source", "note"):
        table.add_column(column)
    for row in rows:
        status = row["status"] + (" (participation frozen)" if row["participation_frozen"] else "")
        source = (row["source"] or "") + _MARK.get(row["confidence"] or "verified", "")
        source = escape(source)
        table.add_row(
            row["state"], row["name"], status, row["since"] or "", source, row["note"] or ""
        )
    return table
