"""What the clients send: reads of the main views and commands that each succeed once.

Every command is one the rules allow, so any answer but 200/201 is the server's fault: a
unit pledged under a new name, a position by a state that has not stated one on that draft
yet (a new draft is tabled when none is left), a request for consultations.
"""

from __future__ import annotations

import itertools
import random
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from tests.load.accounts import MEMBERS

WRITE_SHARE = 0.25  # of the requests: the rest are reads
SEED_DRAFTS = 4
#: Units pledged per member before the run: reads of the list then take long enough for a
#: write to land in the middle of one, as it would with a real world in the database.
SEED_UNITS = 20


@dataclass(frozen=True)
class Request:
    kind: str  # "read" or "write"
    label: str  # the route, for the report
    method: str
    path: str
    token: str
    body: dict[str, Any] | None = None
    #: Told what a 201 created (e.g. a tabled draft's id).
    on_created: Callable[[dict[str, str]], None] | None = None


@dataclass(frozen=True)
class Ack:
    """A write the server acknowledged (201): its journal entry must be there afterwards."""

    seq: int
    command: str


class Workload:
    def __init__(self, tokens: dict[str, str], write_share: float = WRITE_SHARE) -> None:
        self.tokens, self.write_share = tokens, write_share
        self.tag = secrets.token_hex(3)  # unit names stay unique across runs on one database
        self.serial = itertools.count()
        self._lock = threading.Lock()
        self._open: deque[tuple[str, str]] = deque()  # (draft, state) with no position yet
        self.drafts: list[str] = []
        self.case = self.session = ""

    def next(self, rng: random.Random) -> Request:
        return self._write(rng) if rng.random() < self.write_share else self._read(rng)

    def _read(self, rng: random.Random) -> Request:
        delegation = self.tokens[rng.choice(MEMBERS)]
        path = rng.choice(("/units", "/cases", "/sessions", "/members", "/drafts", "/journal"))
        if path == "/drafts":
            draft = rng.choice(self.drafts)  # a list shared across threads: only appended to
            return Request("read", "GET /drafts/{id}", "GET", f"/drafts/{draft}", delegation)
        if path == "/journal":  # the journal is the Secretariat's to read
            token = self.tokens["secretariat"]
            return Request("read", "GET /journal", "GET", "/journal?limit=20", token)
        return Request("read", f"GET {path}", "GET", path, delegation)

    def _write(self, rng: random.Random) -> Request:
        n, state, draw = next(self.serial), rng.choice(MEMBERS), rng.random()
        if draw < 0.4:
            body = {"unit": f"{state} load unit {self.tag}-{n}", "strength": 100 + n % 900}
            return Request("write", "POST /units", "POST", "/units", self.tokens[state], body)
        if draw < 0.8:
            with self._lock:
                pair = self._open.popleft() if self._open else None
            if pair is None:
                return self.table_draft(n)
            draft, state = pair
            body = {"position": "support"}
            path = f"/drafts/{draft}/positions"
            return Request(
                "write", "POST /drafts/{id}/positions", "POST", path, self.tokens[state], body
            )
        body = {"article": "CST-2", "where": state, "summary": f"load {self.tag}-{n}"}
        return Request("write", "POST /cases", "POST", "/cases", self.tokens[state], body)

    def table_draft(self, n: int) -> Request:
        body = {"kind": "statement", "case": self.case, "text": f"load statement {n}"}
        path = f"/sessions/{self.session}/drafts"
        token = self.tokens["secretariat"]
        return Request(
            "write", "POST /sessions/{id}/drafts", "POST", path, token, body, self._tabled
        )

    def _tabled(self, created: dict[str, str]) -> None:
        with self._lock:
            self.drafts.append(created["draft"])
            self._open.extend((created["draft"], state) for state in MEMBERS)

    def seed(self, url: str) -> list[Ack]:
        """A case, a session about it, a few drafts and units pledged by each member, through
        the API."""
        acks = []
        with httpx.Client(base_url=url, timeout=60.0) as client:

            def send(request: Request) -> dict[str, str]:
                headers = {"Authorization": f"Bearer {request.token}"}
                answer = client.post(request.path, json=request.body, headers=headers)
                if answer.status_code != 201:
                    raise RuntimeError(
                        f"seeding: {request.path}: {answer.status_code} {answer.text}"
                    )
                acks.append(Ack(answer.json()["journal_seq"], answer.json()["command"]))
                created: dict[str, str] = answer.json()["created"]
                if request.on_created:
                    request.on_created(created)
                return created

            kaz = self.tokens["KAZ"]
            body = {"article": "CST-2", "where": "KAZ", "summary": "load consultations"}
            self.case = send(Request("write", "", "POST", "/cases", kaz, body))["case"]
            body = {"body": "CSC", "extraordinary": True, "format": "video", "about": self.case}
            secretariat = self.tokens["secretariat"]
            self.session = send(Request("write", "", "POST", "/sessions", secretariat, body))[
                "session"
            ]
            for n in range(SEED_DRAFTS):
                send(self.table_draft(n))
            for state in MEMBERS:
                for k in range(SEED_UNITS):
                    body = {"unit": f"{state} seed unit {self.tag}-{k}", "strength": 500}
                    send(Request("write", "", "POST", "/units", self.tokens[state], body))
        return acks
