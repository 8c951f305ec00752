"""Analysts add event files over the API: bad rows named, the same file twice adds nothing,
and each ingest is in the journal with who brought which file."""

from __future__ import annotations

import hashlib

from tests.monitoring.reading import SHARED_DATA

UCDP = SHARED_DATA / "ucdp" / "ged-sample.csv"


def upload(api, who: str, content: bytes, format: str = "ucdp", name: str = "ged.csv"):
    return api.client.post(
        "/monitor/ingest",
        params={"format": format, "name": name},
        content=content,
        headers=api.headers(who, **{"Content-Type": "text/csv"}),
    )


def test_an_analyst_adds_a_file_once_and_the_journal_names_it(api):
    content = UCDP.read_bytes()
    first = upload(api, "analyst", content)
    assert first.status_code == 201, first.json()
    assert (first.json()["rows_read"], first.json()["rows_added"]) == (1000, 1000)
    entry = api.get("admin", "/journal").json()[-1]
    assert (entry["command"], entry["actor"], entry["allowed"]) == (
        "record_event_file",
        "CRISIS_RESPONSE_CENTRE",
        True,
    )
    assert entry["payload"]["sha256"] == hashlib.sha256(content).hexdigest()

    again = upload(api, "analyst", content)
    assert (again.json()["rows_added"], again.json()["duplicates"]) == (0, 1000)


def test_bad_rows_come_back_with_their_lines(api):
    lines = UCDP.read_bytes().splitlines(keepends=True)
    broken = lines[0] + lines[1] + b"1,2,3\n" + b"\xff" + lines[2]
    answer = upload(api, "analyst", broken).json()
    assert answer["rows_added"] == 1
    assert [row["line"] for row in answer["bad_rows"]] == [3, 4]
    assert answer["bad_rows"][0]["reason"] == "3 columns, expected 49"


def test_a_delegation_may_not_ingest_and_nothing_is_added(api):
    refused = upload(api, "KAZ", UCDP.read_bytes())
    assert refused.status_code == 403
    assert api.get("admin", "/journal").json()[-1]["command"] == "record_event_file"
    assert api.get("admin", "/journal").json()[-1]["allowed"] is False
    stats = api.get("analyst", "/monitor/indicators", member="AFG", to="2022-12-31").json()
    assert all(point["events"] == 0 for point in stats)


def test_an_unknown_format_is_refused_naming_the_parameter(api):
    refused = upload(api, "analyst", UCDP.read_bytes(), format="csv")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "format"]


def test_a_file_name_that_names_a_folder_is_still_ingested_under_it(api):
    content = UCDP.read_bytes()
    names = ["", ".", ".."]
    answers = [upload(api, "analyst", content, name=name) for name in names]
    assert [answer.status_code for answer in answers] == [201, 201, 201]
    assert answers[0].json()["rows_added"] == 1000
    entries = api.get("admin", "/journal").json()[-3:]
    assert [entry["payload"]["file"] for entry in entries] == names
