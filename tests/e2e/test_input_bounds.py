"""Input past its domain is answered 422 naming the field and the bound, on SQLite and
PostgreSQL alike, and nothing is written: the journal is as long as before and verifies."""

from __future__ import annotations

import pytest

from tests.api_client import ApiUsers

PLEDGE = {"unit": "a company", "strength": 120}
REQUEST = {"article": "CST-2", "where": "KAZ", "summary": "unrest"}


@pytest.fixture(scope="module")
def api(shared_database_url):
    """One world per database: every test on it is refused, or only reads."""
    users = ApiUsers(shared_database_url)
    yield users
    users.close()


@pytest.fixture
def fresh_api(database_url):
    """A world of its own, for a test that writes."""
    users = ApiUsers(database_url)
    yield users
    users.close()


def journal_length(api: ApiUsers) -> int:
    return len(api.get("admin", "/journal", limit=1000).json())


BAD_BODIES = [
    ("/units", {**PLEDGE, "strength": 2**63}, "strength", "less than or equal to 1000000"),
    ("/units", {**PLEDGE, "readiness_days": 10**12}, "readiness_days", "less than or equal"),
    ("/units", {**PLEDGE, "unit": ""}, "unit", "at least 1 character"),
    ("/units", {**PLEDGE, "unit": "   "}, "unit", "must not be blank"),
    ("/units", {**PLEDGE, "available_until": "9999-12-31"}, "available_until", "2100-12-31"),
    ("/units", {**PLEDGE, "caveats": {"not_in": ["KAZ", "XXX"]}}, "caveats.not_in.1", "'XXX'"),
    ("/cases", {**REQUEST, "summary": "un\x00rest"}, "summary", "U+0000"),
    ("/cases", {**REQUEST, "summary": "un\x1brest"}, "summary", "U+001B"),
    ("/cases", {**REQUEST, "releasable_to": ["XXX"]}, "releasable_to.0", "not a state's"),
    ("/cases", {**REQUEST, "releasable_to": ["KAZ", "kaz"]}, "releasable_to", "named twice"),
    ("/cases", {**REQUEST, "releasable_to": ["KAZ"] * 300}, "releasable_to", "at most 250"),
    ("/cases", {**REQUEST, "article": "x" * 101}, "article", "at most 100 characters"),
]


@pytest.mark.parametrize(("path", "body", "field", "rule"), BAD_BODIES)
def test_input_past_its_bound_is_refused_naming_the_field_and_nothing_is_written(
    api, path, body, field, rule
):
    before = journal_length(api)
    answer = api.post("KAZ", path, body)
    assert answer.status_code == 422, answer.text
    (problem,) = answer.json()["detail"]
    assert ".".join(str(part) for part in problem["loc"][1:]) == field
    assert rule in problem["msg"]
    assert journal_length(api) == before
    assert api.get("admin", "/journal/verification", wait=60).json()["ok"] is True


def test_a_state_in_small_letters_is_kept_in_capitals(fresh_api):
    filed = fresh_api.post("KAZ", "/cases", {**REQUEST, "releasable_to": ["arm"]})
    assert filed.status_code == 201, filed.text
    case = fresh_api.get("KAZ", f"/cases/{filed.json()['created']['case']}").json()
    assert case["releasable_to"] == ["ARM"]


@pytest.mark.parametrize("path", ["/chair", "/members", "/instruments", "/treaty/articles/CST-4"])
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1944-12-31", "2101-01-01"])
def test_a_date_outside_the_era_is_refused_on_every_view(api, path, day):
    answer = api.get("KAZ", path, as_of=day)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["query", "as_of"]


@pytest.mark.parametrize("day", ["1945-01-01", "2100-12-31"])
def test_the_eras_first_and_last_days_are_answered(api, day):
    assert api.get("KAZ", "/chair", as_of=day).status_code == 200


def test_a_path_id_with_a_control_character_is_refused_not_looked_up(api):
    before = journal_length(api)
    answer = api.get("KAZ", "/cases/case-1%00")
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "case_id"]
    assert journal_length(api) == before


def test_a_body_past_a_mebibyte_is_refused_413_before_it_is_read(api):
    before = journal_length(api)
    huge = {**REQUEST, "releasable_to": ["KAZ"] * 1_000_000}  # about 7 MB
    answer = api.post("KAZ", "/cases", huge)
    assert answer.status_code == 413
    assert "1,048,576 bytes" in answer.json()["detail"]
    assert journal_length(api) == before


def test_a_chunked_body_past_a_mebibyte_is_refused_413(api):
    def chunks():
        yield b'{"article": "CST-2", "summary": "'
        for _ in range(2048):
            yield b"x" * 1024
        yield b'"}'

    headers = api.headers("KAZ", **{"Content-Type": "application/json"})
    answer = api.client.post("/cases", content=chunks(), headers=headers)
    assert answer.status_code == 413
    assert "larger than" in answer.json()["detail"]


def test_a_body_under_the_cap_without_content_length_is_read(fresh_api):
    def chunks():
        yield b'{"unit": "a company", '
        yield b'"strength": 120}'

    headers = fresh_api.headers("KAZ", **{"Content-Type": "application/json"})
    assert fresh_api.client.post("/units", content=chunks(), headers=headers).status_code == 201
