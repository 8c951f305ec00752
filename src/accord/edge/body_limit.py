"""The cap on a request's body: 413 before a larger body is read whole.

A body that says its length (Content-Length) is refused before any of it is read; one sent
in chunks (no Content-Length) is counted as it arrives and refused at the chunk that passes
the cap. A hand-written ASGI wrapper: Starlette and FastAPI have no body cap, and uvicorn's
limits cover headers only. Uploads (``/monitor/ingest``) stream to their reader, which keeps
its own documented cap.
"""

from __future__ import annotations

from collections.abc import Collection

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.edge.problems import problem

#: The largest JSON body a command needs is a year's exercise plan or a list of
#: requirements: a few kilobytes. A mebibyte leaves room for any of them.
MAX_BODY_BYTES = 1 << 20
UPLOADS = frozenset({"/monitor/ingest"})


class BodyTooLarge(HTTPException):
    """An HTTPException so that FastAPI, reading the body, passes it on as it is (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large(limit))


def too_large(limit: int) -> str:
    return f"the request body is larger than the {limit:,} bytes a request may carry"


class BodyLimit:
    def __init__(
        self, app: ASGIApp, limit: int = MAX_BODY_BYTES, exempt: Collection[str] = UPLOADS
    ) -> None:
        self.app, self.limit, self.exempt = app, limit, frozenset(exempt)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.exempt:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await problem(413, too_large(self.limit))(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted, send)
