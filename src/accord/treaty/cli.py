"""`accord treaty`, `accord members`, `accord chair`: the rules engine on the command line."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from accord.edge.cli_context import running
from accord.edge.render import console, members_table, print_json, print_ruling
from accord.kernel.errors import AccordError
from accord.kernel.time import SystemClock, parse_day
from accord.rules.configured import configured_charter
from accord.rules.questions import QUESTIONS, ask, given_facts
from accord.rules.summaries import members_summary

if TYPE_CHECKING:
    from accord.rules.charter import Charter
    from accord.rules.rulebook import Rulebook

treaty_app = typer.Typer(
    help="The treaty as data: check it, ask it what applies.", no_args_is_help=True
)

AsOf = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today)")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for programs")]
CharterOption = Annotated[
    str | None,
    typer.Option("--charter", help="Bundled charter name (csto, nato) or a charter folder"),
]


def fail(error: Exception) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(2)


def rulebook_for(charter_name: str | None, as_of: str | None) -> Rulebook:
    from accord.rules.rulebook import Rulebook

    try:
        charter = configured_charter(running().settings(), charter_name)
        day = given_day(as_of) if as_of else today()
    except (AccordError, ValueError) as error:
        raise fail(error) from None
    return Rulebook.as_of(charter, day)


def given_day(as_of: str) -> dt.date:
    from accord.rules.bounds import within_era  # with its Pydantic types: only for a date given

    return within_era(parse_day(as_of, "--as-of"), "--as-of")


@treaty_app.command("check")
def check(charter: CharterOption = None, json_output: Json = False) -> None:
    """Validate the charter data: sources, dates, ids, histories."""
    try:
        loaded: Charter = configured_charter(running().settings(), charter)
    except AccordError as error:
        raise fail(error) from None
    counts = {
        "charter": loaded.id,
        "instruments": len(loaded.instruments),
        "articles": len(loaded.articles),
        "bodies": len(loaded.bodies),
        "parameters": len(loaded.parameters),
        "states": len(loaded.states),
        "chair_terms": len(loaded.chair_terms),
        "sources": len(loaded.references),
    }
    if json_output:
        print_json({"valid": True, **counts})
    else:
        # Through Click, not Rich: the check says one line, and Rich's console takes longer to
        # load than the rest of the command.
        typer.echo(
            typer.style("valid", fg="green")
            + f": {loaded.name} — "
            + ", ".join(f"{n} {k}" for k, n in counts.items() if k != "charter")
        )


@treaty_app.command("explain")
def explain(
    question: Annotated[str, typer.Argument(help=f"One of: {', '.join(sorted(QUESTIONS))}")],
    facts: Annotated[list[str] | None, typer.Argument(help="Facts as key=value pairs")] = None,
    as_of: AsOf = None,
    charter: CharterOption = None,
    json_output: Json = False,
) -> None:
    """Ask what applies, e.g. `explain request by=KAZ article=CST-4 where=KAZ threat=aggression`."""
    rulebook = rulebook_for(charter, as_of)
    try:
        ruling = ask(rulebook, question, given_facts(facts or []))
    except AccordError as error:
        raise fail(error) from None
    if json_output:
        print_json(ruling.to_dict())
    else:
        print_ruling(console(), ruling)


def members(as_of: AsOf = None, charter: CharterOption = None, json_output: Json = False) -> None:
    """Every state the charter knows and its status on a date."""
    rulebook = rulebook_for(charter, as_of)
    rows = members_summary(rulebook)
    if json_output:
        print_json({"as_of": rulebook.day.isoformat(), "members": rows})
    else:
        console().print(members_table(rows, f"{rulebook.charter.name} — states on {rulebook.day}"))


def chair(as_of: AsOf = None, charter: CharterOption = None, json_output: Json = False) -> None:
    """Who chairs the Council on a date, and why."""
    ruling = ask(rulebook_for(charter, as_of), "chair", {})
    if json_output:
        print_json(ruling.to_dict())
    else:
        print_ruling(console(), ruling)


def today() -> dt.date:
    return SystemClock().today()
