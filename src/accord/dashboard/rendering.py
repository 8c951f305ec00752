"""A page in the reader's language: the templates, what every page shows (the language switch,
who is signed in, the CSRF token of its forms), and the plain page of a refusal or failure."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from accord.dashboard.guard import csrf_token, keep_csrf
from accord.dashboard.i18n import LANGUAGE_COOKIE, LANGUAGES, Speaking, chosen_language
from accord.dashboard.labels import label
from accord.identity.model import Principal


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("accord.dashboard", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def speaking(request: Request) -> Speaking:
    language = chosen_language(
        request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")
    )
    states = request.app.state.accord.world.charter().states
    return Speaking(language, states)


def render(
    request: Request,
    template: str,
    viewer: Principal | None = None,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    speak = speaking(request)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    page = (
        environment()
        .get_template(template)
        .render(
            _=speak.gettext,
            label=label,
            speak=speak,
            lang=speak.language,
            languages=LANGUAGES,
            here=quote(here, safe=""),
            page_path=request.url.path,
            viewer=viewer,
            csrf=csrf_token(request),
            **context,
        )
    )
    response = HTMLResponse(page, status_code=status)
    keep_csrf(request, response)
    return response


def refusal(
    request: Request,
    status: int,
    message: str,
    reasons: list[str] | None = None,
    articles: list[str] | None = None,
    viewer: Principal | None = None,
) -> HTMLResponse:
    """A refused or failed action, said plainly: the message (already in the reader's
    language) and, for a refusal by the rules, the ruling's reasons and articles."""
    return render(
        request,
        "message.html",
        viewer=viewer,
        status=status,
        message=message,
        reasons=reasons or [],
        articles=articles or [],
    )
