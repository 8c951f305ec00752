"""`POST /monitor/ingest` as `accord serve` serves it, over real HTTP: an upload declared
over the cap is answered 413 before its body is read, and a name that is no file name is a
422 (``name=.`` reset the connection before issue 12)."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from accord.monitoring.ingest.limits import MAX_FILE_BYTES
from tests.load.accounts import add_directly
from tests.load.servers import HOST, Server, accord_command, accord_env, running
from tests.monitoring.reading import SHARED_DATA

UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    folder: Path = tmp_path_factory.mktemp("ingest-http")
    url = f"sqlite:///{folder / 'accord.db'}"
    analyst = add_directly(url)["analyst"]
    with running([*accord_command(), "serve"], folder / "serve.log", accord_env(url, folder)) as s:
        yield s, analyst


def raw_request(server: Server, head: str) -> tuple[int, dict]:
    """Send only a request's head (no body) and read the answer the server gives at once."""
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=10) as connection:
        connection.sendall(head.encode("latin-1"))
        answer = b""
        while b"\r\n\r\n" not in answer or not _complete(answer):
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    body = answer.split(b"\r\n\r\n", 1)[1]
    return status, json.loads(body)


def _complete(answer: bytes) -> bool:
    head, body = answer.split(b"\r\n\r\n", 1)
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def test_an_upload_declared_over_the_cap_is_413_before_its_body_is_sent(served):
    server, analyst = served
    status, body = raw_request(
        server,
        "POST /monitor/ingest?format=gdelt HTTP/1.1\r\n"
        f"Host: {HOST}\r\nAuthorization: Bearer {analyst}\r\n"
        f"Content-Type: text/tab-separated-values\r\nContent-Length: {MAX_FILE_BYTES + 1}\r\n\r\n",
    )
    assert status == 413
    assert body["detail"].startswith(f"{MAX_FILE_BYTES + 1:,} bytes: larger than the 256 MiB")


def test_a_dot_for_a_name_is_answered_422_not_with_a_reset_connection(served):
    server, analyst = served
    with httpx.Client(base_url=server.url, timeout=30.0) as client:
        headers = {"Authorization": f"Bearer {analyst}", "Content-Type": "text/csv"}
        answers = [
            client.post(
                "/monitor/ingest",
                params={"format": "ucdp", "name": name},
                content=UCDP.read_bytes(),
                headers=headers,
            )
            for name in (".", "..", "", "\x00x", "ged.csv")
        ]
    assert [a.status_code for a in answers] == [422, 422, 422, 422, 201]
    assert {a.json()["detail"][0]["loc"][1] for a in answers[:4]} == {"name"}
    assert answers[-1].json()["rows_added"] == 1000
