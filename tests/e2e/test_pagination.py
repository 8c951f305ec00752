"""Every list endpoint pages like /journal: ``after`` (the last id of the previous page) and
``limit`` (100 by default, at most 1000), a JSON list still, and a Link rel="next" header
while more remain; numbered ids page in numeric order."""

from __future__ import annotations

import re

import pytest

from accord.entrypoints.api import create_app
from tests.api_client import ApiUsers

#: Lists that are not pages of records, or whose paging belongs to their own package.
NOT_PAGED = {"/operations/totals", "/journal"}


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    users = ApiUsers(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'accord.db'}")
    for n in range(12):
        assert users.post("KAZ", "/units", {"unit": f"company {n}", "strength": 100}).is_success
    yield users
    users.close()


def next_link(answer) -> str | None:
    found = re.fullmatch(r'<([^>]+)>; rel="next"', answer.headers.get("link", ""))
    return found.group(1) if found else None


def test_following_the_links_reads_every_unit_once_in_numeric_order(api):
    ids, url, pages = [], "/units?limit=5", 0
    while url is not None:
        answer = api.client.get(url, headers=api.headers("KAZ"))
        assert answer.status_code == 200
        assert isinstance(answer.json(), list)
        ids += [unit["id"] for unit in answer.json()]
        url, pages = next_link(answer), pages + 1
    assert ids == [f"unit-{n}" for n in range(1, 13)]
    assert pages == 3


def test_after_need_not_be_an_id_on_the_list_and_compares_as_a_number(api):
    page = api.get("KAZ", "/units", after="unit-9", limit=2)
    assert [unit["id"] for unit in page.json()] == ["unit-10", "unit-11"]
    assert "after=unit-11" in next_link(page)
    last = api.get("KAZ", "/units", after="unit-11")
    assert [unit["id"] for unit in last.json()] == ["unit-12"]
    assert "link" not in last.headers


@pytest.mark.parametrize("limit", [0, -1, 1001, "many"])
def test_a_limit_out_of_bounds_is_refused(api, limit):
    answer = api.get("KAZ", "/units", limit=limit)
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "limit"]


def test_a_list_in_date_order_resumes_after_the_item_named(api):
    members = [m["state"] for m in api.get("KAZ", "/members", as_of="2024-01-01").json()]
    page = api.get("KAZ", "/members", as_of="2024-01-01", after=members[1], limit=2).json()
    assert [m["state"] for m in page] == members[2:4]
    unknown = api.get("KAZ", "/members", after="XXX")
    assert unknown.status_code == 422
    assert "'XXX' is not in this list" in unknown.json()["detail"][0]["msg"]


def test_every_list_endpoint_takes_after_and_limit():
    document = create_app(accord=_NoAccord()).openapi()  # type: ignore[arg-type]
    lists = [
        path
        for path, operations in document["paths"].items()
        if "get" in operations
        and _answers_a_list(operations["get"])
        and path not in NOT_PAGED
        and not path.startswith("/monitor/")
    ]
    assert len(lists) >= 12
    for path in lists:
        names = {p["name"] for p in document["paths"][path]["get"].get("parameters", [])}
        assert {"after", "limit"} <= names, path


def _answers_a_list(operation: dict) -> bool:
    schema = operation["responses"]["200"].get("content", {}).get("application/json", {})
    return schema.get("schema", {}).get("type") == "array"


class _NoAccord:
    """The OpenAPI document is built from the routes alone; no database is opened."""

    refusals_wait = True
