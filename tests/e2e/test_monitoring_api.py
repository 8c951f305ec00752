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
    assert "from" in response.json()["detail"]


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
