"""A read of the journal lists every denial already answered.

Denials are journaled without making the denied caller wait (Accord.record_refusal): they
reach the journal with the writer's next group commit. A read of ``/journal`` alone waits
for that commit, and only when denials are still on their way, so that an auditor never
misses a refusal its subject was already told about; no other read waits for them.
"""

from __future__ import annotations

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

JOURNAL = "/journal"


class JournalSeesDenials:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path == JOURNAL or path.startswith(JOURNAL + "/"):
            accord = scope["app"].state.accord
            if accord.writer.pending():
                await anyio.to_thread.run_sync(accord.settle)
        await self.app(scope, receive, send)
