"""The pages: logging in and out, the language switch, the home page."""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from accord.accounts.signing_in import Throttled, sign_in, sign_out
from accord.dashboard.guard import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    FormDep,
    ViewerDep,
    set_cookie,
)
from accord.dashboard.home import home
from accord.dashboard.i18n import LANGUAGE_COOKIE, LANGUAGES
from accord.dashboard.rendering import render, speaking
from accord.dashboard.web import PageRoute
from accord.edge.deps import AccordDep

router = APIRouter(route_class=PageRoute, include_in_schema=False)
#: A year: the language is a preference, not a secret.
YEAR = 365 * 24 * 3600


@router.get("/")
async def home_page(request: Request, accord: AccordDep, viewer: ViewerDep) -> Response:
    return render(request, "home.html", viewer=viewer, home=home(accord, viewer))


@router.get("/login")
async def login_page(request: Request) -> Response:
    return render(request, "login.html")


@router.post("/login")
def log_in(request: Request, accord: AccordDep, form: FormDep) -> Response:
    # A plain def: checking the password and writing the token block, so they run in a
    # worker thread; the form is read and checked on the loop first.
    name, password = form.get("name", "").strip(), form.get("password", "")
    speak = speaking(request)
    address = request.client.host if request.client else None
    signed_in = sign_in(accord, request.app.state.login_throttle, name, password, address)
    if isinstance(signed_in, Throttled):
        error = speak.gettext(
            "Too many wrong passwords: try again in %(seconds)s s.", seconds=signed_in.wait
        )
        return render(request, "login.html", status=429, error=error, name=name)
    if signed_in is None:
        error = speak.gettext("Wrong name or password.")
        return render(request, "login.html", status=401, error=error, name=name)
    response = RedirectResponse("/", status_code=303)
    set_cookie(request, response, SESSION_COOKIE, signed_in.token)
    # A new CSRF token with the new session: one seen before login is worth nothing after.
    set_cookie(request, response, CSRF_COOKIE, secrets.token_urlsafe(32))
    return response


@router.post("/logout")
def log_out(request: Request, accord: AccordDep, form: FormDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        sign_out(accord, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/language/{language}")
async def switch_language(
    request: Request, language: str, back: Annotated[str, Query(max_length=2000)] = "/"
) -> Response:
    """Remember the language chosen with the switch, and go back to the page it was on."""
    if language not in LANGUAGES:
        language = speaking(request).language
    target = unquote(back)
    # Only a path of this server: never a redirect to another site.
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = RedirectResponse(target, status_code=303)
    set_cookie(request, response, LANGUAGE_COOKIE, language, max_age=YEAR)
    return response
