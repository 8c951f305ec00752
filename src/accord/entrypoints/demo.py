"""`accord demo`: Accord's main job on the bundled charter, for today and a chosen date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from accord.treaty.cli import CharterOption, rulebook_for, today

if TYPE_CHECKING:
    from accord.rules.rulebook import Rulebook

#: A day under the 1992 wording, shown beside today so the amendments can be seen.
DEFAULT_CONTRAST = "2010-06-01"


def demo(
    as_of: Annotated[
        str, typer.Option("--as-of", help="A second date to show beside today")
    ] = DEFAULT_CONTRAST,
    charter: CharterOption = None,
) -> None:
    """Members, chair and what the consultations and collective-defence articles require."""
    for day in dict.fromkeys([today().isoformat(), as_of]):
        show_day(rulebook_for(charter, day))


def show_day(rulebook: Rulebook) -> None:
    from rich.panel import Panel

    from accord.edge.render import console, members_table, print_ruling
    from accord.rules.questions import ask
    from accord.rules.summaries import article_summary, members_summary, request_articles

    console().rule(f"[bold]{rulebook.charter.name} — as of {rulebook.day}")
    console().print(members_table(members_summary(rulebook), "States and their status"))
    print_ruling(console(), ask(rulebook, "chair", {}))
    members = rulebook.members()
    for role, article_id in request_articles(rulebook).items():
        wording = article_summary(rulebook, article_id)
        if wording is not None:
            console().print(
                Panel(
                    f"{wording['text']}\n[dim](wording in force from {wording['wording_from']}; "
                    f"confidence {wording['confidence']})[/dim]",
                    title=f"{article_id} — {wording['title']}",
                )
            )
        if not members:
            continue
        requester = members[0]
        question = {
            "by": requester,
            "article": article_id,
            "where": requester,
            "threat": "aggression" if role == "collective_defence" else "threat",
            "aggressor": "non_state",
        }
        console().print(
            f"[bold]If {rulebook.name_of(requester)} files a request under "
            f"{article_id} about an attack by non-state armed groups:[/bold]"
        )
        print_ruling(console(), ask(rulebook, "request", question))
