"""Monitoring over the API: indicators, alerts with their draft request, CAP and STIX."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import stix2

from accord.monitoring.exports import CAP
from tests.api_client import ApiUsers
from tests.monitoring.conftest import FIRST, LAST, gdelt_store

PERIOD = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
ARMENIA = "ARM-armed_clash-2020-11-09"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiUsers]:
    folder: Path = tmp_path_factory.mktemp("monitoring")
    gdelt_store(folder / "events.duckdb").con.disconnect()
    users = ApiUsers(f"sqlite:///{folder}/accord.db", events_url=str(folder / "events.duckdb"))
    yield users
    users.close()


def test_the_staff_see_every_member_s_alerts_with_a_draft_request(api):
    alerts = api.get("analyst", "/monitor/alerts", **PERIOD).json()
    assert [a["id"] for a in alerts] == [ARMENIA, "RUS-armed_clash-2020-11-09"]
    draft = alerts[0]["draft_request"]
    assert (draft["for_state"], draft["article"], draft["grounds"]) == (
        "ARM",
        "CST-2",
        alerts[0]["reason"],
    )


def test_a_delegation_sees_its_own_state_only(api):
    assert [a["country"] for a in api.get("ARM", "/monitor/alerts", **PERIOD).json()] == ["ARM"]
    assert api.get("KAZ", "/monitor/alerts", **PERIOD).json() == []
    other = api.get("KAZ", "/monitor/indicators", member="ARM", **PERIOD)
    assert other.status_code == 404
    assert api.get("ARM", "/monitor/indicators", member="ARM", **PERIOD).status_code == 200


def test_an_observer_liaison_reads_no_monitoring_and_the_refusal_is_journaled(api):
    assert api.get("observer_liaison", "/monitor/alerts", **PERIOD).status_code == 403
    last = api.get("admin", "/journal").json()[-1]
    assert (last["actor"], last["command"], last["allowed"]) == (
        "observer_liaison",
        "read monitoring",
        False,
    )


def test_indicators_are_dense_weekly_series_beside_their_baseline(api):
    series = api.get("analyst", "/monitor/indicators", member="arm", **PERIOD).json()
    clashes = [p for p in series if p["category"] == "armed_clash"]
    assert [p["week"] for p in clashes][-2:] == ["2020-11-09", "2020-11-16"]
    assert clashes[-2]["events"] == 12
    assert clashes[-2]["across_border"] == 4
    assert all(p["events"] == 0 for p in clashes[:-2])


def test_a_period_that_ends_before_it_starts_is_refused_naming_both_fields(api):
    response = api.get("analyst", "/monitor/alerts", **{"from": "2020-11-20", "to": "2020-09-01"})
    assert response.status_code == 422
    (fault,) = response.json()["detail"]
    assert (fault["loc"], fault["msg"]) == (["query", "from"], "2020-11-20 is after to: 2020-09-01")


def test_an_alert_as_cap_and_the_period_as_stix(api):
    cap = api.get("analyst", f"/monitor/alerts/{ARMENIA}/cap", **PERIOD)
    assert cap.headers["content-type"].startswith("application/cap+xml")
    root = ET.fromstring(cap.text)
    assert root.find(f"{{{CAP}}}identifier").text == f"accord-{ARMENIA}"
    assert api.get(
        "analyst", "/monitor/alerts/KAZ-unrest-2020-11-09/cap", **PERIOD
    ).status_code == (404)
    stix = api.get("ARM", "/monitor/alerts.stix", **PERIOD)
    bundle = stix2.parse(stix.text, allow_custom=False)
    assert [o.country for o in bundle.objects if o.type == "location"] == ["AM"]


def test_an_alert_becomes_a_request_armenia_files(api):
    [alert] = api.get("ARM", "/monitor/alerts", **PERIOD).json()
    prepared = api.post("analyst", "/prepared-requests", alert["draft_request"])
    assert prepared.status_code == 201, prepared.json()
    prepared_id = prepared.json()["created"]["prepared_request"]
    filed = api.post(
        "ARM",
        "/cases",
        {"article": "CST-2", "summary": alert["reason"], "prepared": prepared_id},
    )
    assert filed.status_code == 201, filed.json()
    case = api.get("ARM", f"/cases/{filed.json()['created']['case']}").json()
    assert case["summary"] == alert["reason"]


@pytest.mark.parametrize("path", ["/monitor/indicators", "/monitor/alerts", "/monitor/alerts.stix"])
@pytest.mark.parametrize(
    ("period", "field", "rule"),
    [
        ({"from": "0001-01-01", "to": "9999-12-31"}, "to", "9999-12-31 is outside 1979-01-01"),
        ({"from": "0001-01-02", "to": "2025-12-31"}, "from", "0001-01-02 is outside 1979-01-01"),
        ({"from": "2020-01-01", "to": "2022-01-02"}, "to", "more than 731 days (two years)"),
    ],
    ids=["year-1-to-9999", "year-1-to-2025", "over-two-years"],
)
def test_a_period_out_of_the_window_or_too_long_is_refused_naming_the_field(
    api, path, period, field, rule
):
    response = api.get("ARM", path, member="ARM", **period)
    assert response.status_code == 422, response.text
    (fault,) = response.json()["detail"]
    assert fault["loc"] == ["query", field]
    assert rule in fault["msg"]


def test_two_years_to_the_day_and_an_end_near_the_window_s_start_are_answered(api):
    longest = api.get("ARM", "/monitor/indicators", member="ARM", **{"from": "2018-11-20"}, to=LAST)
    assert longest.status_code == 200
    assert len(longest.json()) == 100  # a full first page
    early = api.get("ARM", "/monitor/indicators", member="ARM", to="1979-01-05")
    assert early.status_code == 200
    assert early.json() == []


def pages(api, who: str, path: str, **params) -> list[list[dict]]:
    """Every page, following each answer's Link: rel="next" until there is none."""
    found, url = [], None
    while True:
        answer = (
            api.client.get(url, headers=api.headers(who)) if url else api.get(who, path, **params)
        )
        assert answer.status_code == 200, answer.text
        found.append(answer.json())
        link = answer.headers.get("link")
        if link is None:
            return found
        target, relation = link.split("; ")
        assert relation == 'rel="next"'
        assert target.startswith("<http")
        assert target.endswith(">")
        url = target[1:-1]


def test_indicators_come_in_pages_that_join_into_the_whole_list(api):
    whole = api.get("analyst", "/monitor/indicators", member="ARM", limit=1000, **PERIOD).json()
    assert len(whole) == 36  # three categories, twelve weeks
    assert [p["id"] for p in whole] == sorted(p["id"] for p in whole)
    paged = pages(api, "analyst", "/monitor/indicators", member="ARM", limit=7, **PERIOD)
    assert [len(page) for page in paged] == [7, 7, 7, 7, 7, 1]
    assert [p for page in paged for p in page] == whole


def test_alerts_come_in_pages_too_and_a_page_past_the_last_is_empty(api):
    paged = pages(api, "analyst", "/monitor/alerts", limit=1, **PERIOD)
    assert [[a["id"] for a in page] for page in paged] == [
        [ARMENIA],
        ["RUS-armed_clash-2020-11-09"],
    ]
    after_last = api.get("analyst", "/monitor/alerts", after="RUS-armed_clash-2020-11-09", **PERIOD)
    assert (after_last.json(), after_last.headers.get("link")) == ([], None)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"after": "ARM; DROP TABLE events"}, "after"),
        ({"after": "ARM-armed_clash-2020-13-40"}, "after"),
        ({"after": "A" * 65}, "after"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
    ],
    ids=["not-an-id", "not-a-day", "too-long", "limit-0", "limit-1001"],
)
def test_a_cursor_or_a_limit_out_of_bounds_is_refused_naming_it(api, params, field):
    response = api.get("analyst", "/monitor/alerts", **PERIOD, **params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", field]
