"""Analysts add event files over the API: bad rows named, the same file twice adds nothing,
and each ingest is in the journal with who brought which file."""

from __future__ import annotations

import hashlib

import pytest

from accord.monitoring import uploads
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


def journal_length(api) -> int:
    return len(api.get("admin", "/journal", limit=1000).json())


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("", "a file name is required"),
        (" ", "a file name is required"),
        (".", "names a folder"),
        ("..", "names a folder"),
        ("\x00x", "no control or invisible character (U+0000 at 1)"),
        ("ged\n2023.csv", "no control or invisible character (U+000A at 4)"),
        ("ged\u202e.csv", "no control or invisible character (U+202E at 4)"),
        ("../ged.csv", "without a path"),
        ("data\\ged.csv", "without a path"),
        ("g" * 256, "at most 255 characters"),
    ],
    ids=["empty", "blank", "dot", "dot-dot", "nul", "newline", "bidi", "path", "backslash", "long"],
)
def test_a_name_that_is_not_a_plain_file_name_is_refused_naming_it(api, name, rule):
    before = journal_length(api)
    refused = upload(api, "analyst", UCDP.read_bytes(), name=name)
    assert refused.status_code == 422, refused.text
    (fault,) = refused.json()["detail"]
    assert fault["loc"] == ["query", "name"]
    assert rule in fault["msg"]
    assert journal_length(api) == before
    stats = api.get("analyst", "/monitor/indicators", member="AFG", to="2022-12-31").json()
    assert all(point["events"] == 0 for point in stats)


def test_a_plain_name_with_spaces_and_letters_of_any_script_is_recorded_as_given(api):
    name = "ГЭД выборка 2023 (v2).csv"
    assert upload(api, "analyst", UCDP.read_bytes(), name=name).status_code == 201
    assert api.get("admin", "/journal").json()[-1]["payload"]["file"] == name


@pytest.mark.parametrize(
    ("format", "content", "rule"),
    [
        ("ucdp", b"a" * 3_000_000, "line 1 is longer than the 1,048,576 characters"),
        ("acled", b"x," * 1_500_000, "line 1 is longer than the 1,048,576 characters"),
        ("gdelt", b"\t" * 2_000_000, "line 1 is longer than the 1,048,576 bytes"),
        ("gdelt", b"this is not gdelt", "line 1 has 1 tab-separated fields, expected 61"),
        ("ucdp", b"this,is,not,ucdp\n1,2,3,4\n", "its header (line 1) lacks id"),
        ("acled", b"", "empty"),
        ("ucdp", UCDP.read_bytes().splitlines(keepends=True)[0], "no row"),
        ("ucdp", UCDP.read_bytes().splitlines(keepends=True)[0] + b"1,2\n", "no valid row"),
    ],
    ids=[
        "one-line-ucdp",
        "one-line-acled",
        "one-line-gdelt",
        "four-words",
        "other-header",
        "empty",
        "header-only",
        "no-valid-row",
    ],
)
def test_a_file_that_is_not_its_format_is_refused_and_adds_nothing(api, format, content, rule):
    before = journal_length(api)
    refused = upload(api, "analyst", content, format=format)
    assert refused.status_code == 422, refused.text
    (fault,) = refused.json()["detail"]
    assert fault["loc"] == ["body", "file"]
    assert rule in fault["msg"]
    assert journal_length(api) == before


def test_an_upload_streamed_past_the_cap_is_refused_413(api, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1 << 20)

    def chunks():
        for _ in range(3):
            yield b"," * (1 << 19)

    before = journal_length(api)
    refused = api.client.post(
        "/monitor/ingest",
        params={"format": "ucdp"},
        content=chunks(),  # no Content-Length: the cap holds as the body streams in
        headers=api.headers("analyst", **{"Content-Type": "text/csv"}),
    )
    assert refused.status_code == 413
    assert "split it" in refused.json()["detail"]
    assert journal_length(api) == before


def test_the_openapi_example_file_is_one_the_readers_accept(api):
    body = api.client.get("/openapi.json").json()["paths"]["/monitor/ingest"]["post"]
    example = body["requestBody"]["content"]["text/csv"]["example"]
    added = upload(api, "analyst", example.encode(), format="acled")
    assert added.status_code == 201, added.text
    assert (added.json()["rows_added"], added.json()["bad_rows"]) == (1, [])


def test_a_file_may_come_with_its_note_which_is_journaled_and_bounded(api):
    lines = UCDP.read_bytes().splitlines(keepends=True)
    noted = api.client.post(
        "/monitor/ingest",
        params={"format": "ucdp", "name": "ged.csv", "note": "UCDP GED 24.1, sent by the CRC"},
        content=lines[0] + lines[1],
        headers=api.headers("analyst", **{"Content-Type": "text/csv"}),
    )
    assert noted.status_code == 201, noted.json()
    entry = api.get("admin", "/journal").json()[-1]
    assert entry["payload"]["note"] == "UCDP GED 24.1, sent by the CRC"
    too_long = api.client.post(
        "/monitor/ingest",
        params={"format": "ucdp", "name": "other.csv", "note": "x" * 8001},
        content=lines[0] + lines[2],
        headers=api.headers("analyst", **{"Content-Type": "text/csv"}),
    )
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"] == ["query", "note"]
    assert api.get("admin", "/journal").json()[-1]["seq"] == entry["seq"]
