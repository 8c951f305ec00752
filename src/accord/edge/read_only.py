"""A server started on a journal that failed its check serves it read-only, and says so on
every answer: an ``Accord-Read-Only`` header with the reason (writes answer 503)."""

from __future__ import annotations

from typing import Any

from accord.service.runtime import Accord

HEADER = b"accord-read-only"


class ReadOnlyNotice:
    """Pure ASGI (no response buffering): the header is added as each answer starts."""

    def __init__(self, app: Any, accord: Accord) -> None:
        self.app, self.accord = app, accord

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        reason = self.accord.read_only if scope["type"] == "http" else None
        if not reason:
            await self.app(scope, receive, send)
            return
        value = reason.encode("ascii", "replace")[:1000]

        async def noticed(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (HEADER, value)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, noticed)
