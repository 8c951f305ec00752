"""The load generator: N threads, each with its own keep-alive httpx.Client, in a closed loop.

Each client sends its next request as soon as it has the answer, until the deadline; none is
retried, so every transport error (a dropped connection) is counted, not hidden. Threads
rather than asyncio: on 2 cores httpx.AsyncClient spends more CPU per request.
"""

from __future__ import annotations

import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tests.load.workload import Request


@dataclass(frozen=True)
class Sample:
    client: int
    order: int  # the request's rank on its client's connection(s)
    kind: str
    label: str
    latency: float  # seconds
    status: int | None  # None: no answer
    error: str = ""  # the transport error's type, when there was no answer
    seq: int | None = None  # journal_seq of a 201
    command: str = ""


@dataclass
class Run:
    clients: int
    seconds: float = 0.0
    samples: list[Sample] = field(default_factory=list)


def run_clients(
    url: str,
    clients: int,
    seconds: float,
    next_request: Callable[[random.Random], Request],
    timeout: float = 30.0,
    seed: int = 0,
) -> Run:
    """``clients`` clients for ``seconds``; an answer still awaited then is waited for, at most
    ``timeout`` more seconds, so a run is bounded by seconds + timeout."""
    run = Run(clients)
    lock = threading.Lock()
    tls = ssl.create_default_context()  # one for all: an httpx.Client builds one otherwise
    started = time.perf_counter()
    deadline = started + seconds

    def loop(number: int) -> None:
        rng, samples = random.Random(seed * 1000 + number), []
        with httpx.Client(base_url=url, timeout=timeout, verify=tls) as client:
            order = 0
            while time.perf_counter() < deadline:
                request = next_request(rng)
                samples.append(_send(client, number, order, request))
                order += 1
        with lock:
            run.samples += samples

    threads = [threading.Thread(target=loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    return run


def _send(client: httpx.Client, number: int, order: int, request: Request) -> Sample:
    headers = {"Authorization": f"Bearer {request.token}"}
    if request.kind == "write":  # what a real client sends to be able to retry safely
        headers["Idempotency-Key"] = f"load-{number}-{order}-{random.getrandbits(48):x}"
    began = time.perf_counter()
    try:
        answer = client.request(request.method, request.path, headers=headers, json=request.body)
    except httpx.TransportError as error:
        latency = time.perf_counter() - began
        return Sample(
            number, order, request.kind, request.label, latency, None, type(error).__name__
        )
    latency = time.perf_counter() - began
    if answer.status_code != 201:
        return Sample(number, order, request.kind, request.label, latency, answer.status_code)
    body = answer.json()
    if request.on_created:
        request.on_created(body["created"])
    return Sample(
        number,
        order,
        request.kind,
        request.label,
        latency,
        201,
        "",
        body["journal_seq"],
        body["command"],
    )
