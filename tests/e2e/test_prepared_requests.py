"""An analyst prepares a request from an alert; only the delegation it is addressed to files it."""

from __future__ import annotations

from typing import Any

PREPARED = {
    "for_state": "TJK",
    "article": "CST-2",
    "threatened": ["security", "territorial_integrity"],
    "summary": "armed clashes on the border with Afghanistan",
    "grounds": "armed clash in Tajikistan, week of 2021-07-05: 14 events, baseline 2.1, z = 4.3",
}


def prepare(api: Any, **changes: Any) -> Any:
    return api.post("analyst", "/prepared-requests", {**PREPARED, **changes})


def test_the_analyst_prepares_a_request_that_only_its_delegation_and_the_staff_see(api):
    response = prepare(api)
    assert response.status_code == 201, response.json()
    prepared_id = response.json()["created"]["prepared_request"]
    entry = api.get("admin", "/journal").json()[-1]
    assert (entry["command"], entry["actor"]) == ("prepare_request", "CRISIS_RESPONSE_CENTRE")
    assert entry["articles"] == ["CST-2"]

    tajik = api.get("TJK", f"/prepared-requests/{prepared_id}").json()
    assert (tajik["for_state"], tajik["grounds"], tajik["filed_as"]) == (
        "TJK",
        PREPARED["grounds"],
        None,
    )
    assert [p["id"] for p in api.get("secretariat", "/prepared-requests").json()] == [prepared_id]
    assert api.get("KAZ", "/prepared-requests").json() == []
    assert api.get("KAZ", f"/prepared-requests/{prepared_id}").status_code == 404


def test_the_addressed_delegation_files_it_once_and_to_another_member_it_does_not_exist(api):
    prepared_id = prepare(api).json()["created"]["prepared_request"]
    request = {"article": "CST-2", "summary": PREPARED["summary"], "prepared": prepared_id}

    # Not released to KAZ: answered as a missing one, not "prepared for TJK".
    by_another = api.post("KAZ", "/cases", request)
    assert by_another.status_code == 404
    assert by_another.json()["detail"] == f"prepared request {prepared_id!r} does not exist"
    filed = api.post("TJK", "/cases", request)
    assert filed.status_code == 201, filed.json()
    case_id = filed.json()["created"]["case"]
    assert api.get("TJK", f"/prepared-requests/{prepared_id}").json()["filed_as"] == case_id
    assert api.get("TJK", f"/cases/{case_id}").json()["requested_by"] == "TJK"

    again = api.post("TJK", "/cases", request)
    assert again.status_code == 422
    assert again.json()["ruling"]["reasons"] == [f"{prepared_id} was already filed as {case_id}"]
    assert len(api.get("admin", "/cases").json()) == 1


def test_a_request_the_state_could_not_file_is_not_prepared(api):
    before = len(api.get("admin", "/journal").json())
    refused = prepare(api, for_state="SRB")
    assert refused.status_code == 422
    assert refused.json()["ruling"]["allowed"] is False
    assert any("SRB" in reason for reason in refused.json()["ruling"]["reasons"])
    assert api.get("admin", "/prepared-requests").json() == []
    assert len(api.get("admin", "/journal").json()) == before + 1


def test_bad_words_in_a_prepared_request_name_their_field(api):
    for field, value in (("threatened", ["weather"]), ("threat", "invasion")):
        [problem] = prepare(api, **{field: value}).json()["detail"]
        assert problem["loc"] == ["body", field]
    unknown = api.post("TJK", "/cases", {"article": "CST-2", "prepared": "prepared-9"})
    assert unknown.status_code == 404


def test_only_the_crisis_response_centre_or_the_secretary_general_prepares(api):
    as_chair = api.post("admin", "/prepared-requests", {**PREPARED, "on_behalf_of": "chair"})
    assert as_chair.status_code == 422
    assert "preparing a request is for" in as_chair.json()["ruling"]["reasons"][0]
    assert api.post("TJK", "/prepared-requests", PREPARED).status_code == 403
