"""A route's unexpected exception, served as `accord serve` serves: a 500 on a connection
that stays open, and the traceback in the server's log (issue 11's dropped connections)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.load.servers import bare_command, running


def local_address(answer: httpx.Response) -> object:
    """The client's end of the connection that carried the answer."""
    return answer.extensions["network_stream"].get_extra_info("client_addr")


def test_a_500_keeps_the_connection_alive_and_logs_the_traceback(tmp_path: Path) -> None:
    with running(bare_command(), tmp_path / "bare.log") as server:
        with httpx.Client(base_url=server.url, timeout=10.0) as client:
            failed = client.get("/failure")
            first = local_address(failed)
            after = client.get("/bare")  # at once, as a client in a closed loop does
            second = local_address(after)
        log = server.log_text()
    assert failed.status_code == 500
    assert after.status_code == 200
    # The same connection: uvicorn, given the exception, would have closed it (and a request
    # already sent on it would have been reset: httpx.ReadError).
    assert second == first
    assert "RuntimeError: a route's bug" in log
