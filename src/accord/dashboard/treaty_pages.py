"""The treaty's pages: ask the treaty a question (a GET form, so a ruling has an address to
share), and the member states with the chair on a date, whose year slider asks htmx for the
table alone while the same forms work without JavaScript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from accord.dashboard.desk import FIRST_YEAR, Asked, day_of, on_date, put, year_end
from accord.dashboard.guard import ViewerDep
from accord.dashboard.rendering import render, speaking
from accord.dashboard.web import PageRoute
from accord.edge.deps import AccordDep
from accord.rules.questions import QUESTIONS

router = APIRouter(route_class=PageRoute, include_in_schema=False)
#: A field of these forms is short; a longer one is cut rather than refused with JSON.
Text = Annotated[str | None, Query()]
LONGEST = 40_000


@router.get("/treaty-desk")
async def ask_page(
    request: Request,
    accord: AccordDep,
    viewer: ViewerDep,
    question: Text = None,
    facts: Text = None,
    as_of: Text = None,
) -> Response:
    today = accord.now().date()
    asked = Asked(question or "", (facts or "")[:LONGEST], (as_of or today.isoformat())[:40])
    if question is not None:
        put(accord, speaking(request), asked)
    status = 422 if asked.errors else 200
    return render(
        request, "ask.html", viewer=viewer, status=status, asked=asked, questions=sorted(QUESTIONS)
    )


@router.get("/treaty-desk/members")
async def members_page(
    request: Request,
    accord: AccordDep,
    viewer: ViewerDep,
    as_of: Text = None,
    year: Text = None,
) -> Response:
    speak, today = speaking(request), accord.now().date()
    error, field = None, None
    day = today
    if year is not None:
        chosen = int(year) if year.strip().isdigit() else 0
        if FIRST_YEAR <= chosen <= today.year:
            day = year_end(chosen, today)
        else:
            error, field = (
                speak.gettext(
                    "Choose a year from %(first)s to %(last)s.", first=FIRST_YEAR, last=today.year
                ),
                "year",
            )
    elif as_of is not None:
        found = day_of(as_of[:40], speak)
        if isinstance(found, str):
            error, field = found, "as_of"
        else:
            day = found
    # htmx asks for the table alone (HX-Request); a browser without JavaScript, the page.
    template = "members_table.html" if request.headers.get("hx-request") else "members.html"
    return render(
        request,
        template,
        viewer=viewer,
        status=422 if error else 200,
        on=on_date(accord, day),
        error=error,
        field=field,
        entered=(as_of or day.isoformat())[:40],
        first_year=FIRST_YEAR,
        last_year=today.year,
    )
