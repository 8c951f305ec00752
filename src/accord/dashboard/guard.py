"""Who is signed in to a page, and whether a form came from one of our pages.

The session cookie holds an API token issued at login (``accounts.signing_in``), and the
caller is its owner as the API's bearer lookup finds it (``accord.tokens.principal``): one
identity, one revocation, the same permissions and visibility. Forms carry the value of a
random cookie (double submit); with SameSite=Strict on both cookies another site can neither
send them nor read the value to copy into its form.
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import Depends, Request, Response

from accord.edge.deps import AccordDep
from accord.identity.model import Principal

SESSION_COOKIE = "accord_session"
CSRF_COOKIE = "accord_csrf"
CSRF_FIELD = "csrf"
#: A form is a few short fields: anything longer is not one of ours.
FORM_LIMIT = 64 * 1024


class SignInFirst(Exception):
    """No session, or its token is unknown or revoked: the page sends the reader to log in."""


class ForgedForm(Exception):
    """A form posted without the token of the page that rendered it."""


async def signed_in(request: Request, accord: AccordDep) -> Principal:
    token = request.cookies.get(SESSION_COOKIE, "")
    principal = accord.tokens.principal(token) if token else None
    if principal is None:
        raise SignInFirst
    return principal


ViewerDep = Annotated[Principal, Depends(signed_in)]


def csrf_token(request: Request) -> str:
    """The token of this browser's forms: its cookie's, or a new one set on the response."""
    current = request.cookies.get(CSRF_COOKIE, "")
    if len(current) >= 32:
        return current
    made: str = request.state.__dict__.setdefault("new_csrf", secrets.token_urlsafe(32))
    return made


async def form_of(request: Request) -> dict[str, str]:
    """The fields of a form (application/x-www-form-urlencoded), once its CSRF token matches
    the cookie's; ForgedForm otherwise."""
    body = bytearray()
    async for chunk in request.stream():  # never more than a form's worth in memory
        body += chunk
        if len(body) > FORM_LIMIT:
            raise ForgedForm
    fields = parse_qs(body.decode("utf-8", "replace"))
    form = {name: values[-1] for name, values in fields.items()}
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.pop(CSRF_FIELD, "")
    if not cookie or not secrets.compare_digest(cookie.encode(), sent.encode()):
        raise ForgedForm
    return form


def set_cookie(request: Request, response: Response, name: str, value: str, **options: int) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
        **options,  # type: ignore[arg-type]
    )


def keep_csrf(request: Request, response: Response) -> None:
    """Set the CSRF cookie a page made while rendering its forms, if it made one."""
    made = request.state.__dict__.get("new_csrf")
    if made:
        set_cookie(request, response, CSRF_COOKIE, made)


#: A posted form's fields, refused (ForgedForm) before the route runs if its token is wrong.
FormDep = Annotated[dict[str, str], Depends(form_of)]
