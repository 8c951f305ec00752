"""Denied reads are journaled without making the reader wait: a burst of them is answered
while the writer is busy, then written together in one group commit, every one of them."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event

from tests.api_client import ApiUsers

SECRET = {
    "article": "CST-2",
    "where": "KAZ",
    "summary": "unrest",
    "classification": "confidential",
    "releasable_to": ["KAZ"],
}
READERS = 40


@pytest.fixture
def api(database_url):
    users = ApiUsers(database_url)
    yield users
    users.close()


def test_a_burst_of_denied_reads_is_answered_while_the_writer_is_busy_and_all_journaled(api):
    case = api.post("KAZ", "/cases", SECRET).json()["created"]["case"]
    before = len(api.get("admin", "/journal", limit=1000).json())
    gate, busy = threading.Event(), threading.Event()

    def hold(bus):
        busy.set()
        assert gate.wait(60), "the test never let the writer go"

    held = api.accord.writer.submit(hold)
    assert busy.wait(30)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: api.get("ARM", f"/cases/{case}"), range(READERS)))
    # Every reader had its answer while the writer was still held: none waited for a write.
    assert [a.status_code for a in answers] == [404] * READERS
    assert not gate.is_set()
    assert api.accord.writer.pending()
    commits = []
    event.listen(api.accord.engine, "commit", lambda connection: commits.append(1))
    gate.set()
    held.result(timeout=60)
    journal = api.get("admin", "/journal", after=before, limit=1000).json()
    denials = [e for e in journal if e["command"] == f"read case {case}"]
    assert len(denials) == READERS
    assert {(e["actor"], e["allowed"]) for e in denials} == {("arm", False)}
    # The held work's commit, one for the 40 denials (64 a batch at most), and the journal
    # read's settling: never one transaction per denial.
    assert len(commits) <= 3
    assert api.get("admin", "/journal/verification", wait=60).json()["ok"] is True


def test_a_journal_read_lists_a_denial_answered_just_before_it(api):
    case = api.post("KAZ", "/cases", SECRET).json()["created"]["case"]
    for _ in range(5):
        assert api.get("ARM", f"/cases/{case}").status_code == 404
        last = api.get("admin", "/journal", limit=1000).json()[-1]
        assert (last["command"], last["actor"]) == (f"read case {case}", "arm")
