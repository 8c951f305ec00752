"""Mounting the dashboard on the API's app: its pages at ``/``, its static files (htmx, the
style sheet) at ``/static``, and how a page answers a reader who is not signed in, a forged
form, or a failure (a plain page, never a stack or the API's JSON)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from accord.dashboard.guard import ForgedForm, SignInFirst
from accord.dashboard.rendering import refusal, speaking
from accord.kernel.errors import NotFound, StorageUnavailable

#: The paths the dashboard takes; a test checks the API uses none of them.
PATHS = ("/", "/login", "/logout", "/language", "/static", "/treaty-desk")


def dashboard_path(path: str) -> bool:
    """Whether ``path`` is one of the dashboard's (``/`` itself, or at or below another)."""
    return path == "/" or any(path == p or path.startswith(p + "/") for p in PATHS if p != "/")


def install(app: FastAPI) -> None:
    from accord.dashboard import pages, treaty_pages

    static = str(files("accord.dashboard") / "static")
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(pages.router)
    app.include_router(treaty_pages.router)

    @app.exception_handler(SignInFirst)
    async def to_login(request: Request, _: SignInFirst) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(ForgedForm)
    async def forged(request: Request, _: ForgedForm) -> Response:
        speak = speaking(request)
        message = speak.gettext(
            "This form was refused: it did not carry the security token of the page that "
            "showed it. Reload the page and send the form again."
        )
        return refusal(request, 403, message)


def failure(request: Request, error: Exception) -> Response:
    """An error a page did not expect: logged for the operator, a plain page for the reader."""
    logging.getLogger("accord.dashboard").error("page failed", exc_info=error)
    try:
        speak = speaking(request)
        message = speak.gettext("The page could not be shown. Try again later.")
        return refusal(request, 500, message)
    except Exception:
        # The page of a failure failed too: plain words still, never a stack.
        return PlainTextResponse("The page could not be shown. Try again later.", 500)


class PageRoute(APIRoute):
    """A page's route: a missing record, an unavailable database or an unexpected error is
    answered with a plain page in the reader's language."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except (SignInFirst, ForgedForm, HTTPException):
                raise
            except NotFound:
                speak = speaking(request)
                return refusal(request, 404, speak.gettext("There is no such record."))
            except StorageUnavailable:
                speak = speaking(request)
                message = speak.gettext("The database is unavailable: nothing was changed.")
                return refusal(request, 503, message)
            except Exception as error:
                return failure(request, error)

        return answer
