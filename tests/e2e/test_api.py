def file_kazakh_request(api, **extra):
    body = {
        "article": "CST-4",
        "threat": "aggression",
        "aggressor": "non_state",
        "summary": "attacks by armed groups trained abroad",
        **extra,
    }
    return api.post("KAZ", "/cases", body)


def test_health_needs_no_token_and_everything_else_does(api):
    assert api.client.get("/health").json() == {"status": "ok"}
    assert api.client.get("/cases").status_code == 401
    assert (
        api.client.get("/cases", headers={"Authorization": "Bearer acc_wrong"}).status_code == 401
    )


def test_a_missing_token_and_an_unknown_one_are_refused_each_with_its_own_message(api):
    missing = "an API token is required: Authorization: Bearer <token>"
    unknown = "the API token is unknown or revoked"
    answers = {
        None: missing,
        "Bearer ": missing,
        "Basic dXNlcjpwYXNz": missing,
        "Bearer acc_wrong": unknown,
        "Bearer not-a-token": unknown,
    }
    for header, message in answers.items():
        headers = {"Authorization": header} if header is not None else {}
        response = api.client.get("/me", headers=headers)
        assert (response.status_code, response.json()["detail"]) == (401, message), header
    assert api.get("KAZ", "/me").json()["state"] == "KAZ"


def test_a_request_restricted_to_its_requester_is_invisible_to_another_delegation(api):
    filed = file_kazakh_request(api, classification="confidential", releasable_to=["KAZ"])
    assert filed.status_code == 201, filed.json()
    case_id = filed.json()["created"]["case"]
    assert api.get("KAZ", f"/cases/{case_id}").status_code == 200
    assert api.get("ARM", f"/cases/{case_id}").status_code == 404
    assert api.get("ARM", "/cases").json() == []
    assert api.get("secretariat", f"/cases/{case_id}").json()["requested_by"] == "KAZ"
    journal = api.get("admin", "/journal").json()
    assert journal[-1]["allowed"] is False
    assert journal[-1]["actor"] == "arm"


def test_a_refusal_by_the_rules_is_422_with_the_articles(api):
    refused = api.post(
        "KAZ", "/cases", {"article": "CST-4", "threat": "aggression", "where": "KGZ"}
    )
    assert refused.status_code == 422
    body = refused.json()
    assert body["detail"] == "refused by the rules"
    assert "CST-4" in body["ruling"]["articles"]
    assert api.get("secretariat", "/cases").json() == []


def test_malformed_input_is_422_naming_the_field(api):
    response = api.post("KAZ", "/cases", {"article": "CST-4", "threat": "invasion"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "threat"]
    response = api.post("KAZ", "/cases", {"article": "CST-4", "where": "Kazakhstan"})
    assert response.json()["detail"][0]["loc"] == ["body", "where"]


def test_a_missing_record_is_404(api):
    assert api.get("admin", "/cases/case-99").status_code == 404
    assert api.post("RUS", "/drafts/draft-9/positions", {"position": "support"}).status_code == 404


def test_a_retried_post_with_the_same_key_applies_once(api):
    first = file_kazakh_request(api, classification="public")
    retry_key = {"Idempotency-Key": "retry-1"}
    once = api.post("RUS", "/cases", {"article": "CST-2"}, **retry_key)
    again = api.post("RUS", "/cases", {"article": "CST-2"}, **retry_key)
    assert first.status_code == once.status_code == again.status_code == 201
    assert again.json()["replayed"] is True
    assert again.json()["journal_seq"] == once.json()["journal_seq"]
    assert len(api.get("admin", "/cases").json()) == 2
    different = api.post("RUS", "/cases", {"article": "CST-4", "threat": "aggression"}, **retry_key)
    assert different.status_code == 422


def test_a_whole_crisis_through_the_api(api):
    case_id = file_kazakh_request(api).json()["created"]["case"]
    session = api.post(
        "secretariat",
        "/sessions",
        {"body": "CSC", "extraordinary": True, "format": "video", "about": case_id},
    )
    assert session.json()["details"]["chair"] == "RUS"
    session_id = session.json()["created"]["session"]
    draft = api.post(
        "secretariat",
        f"/sessions/{session_id}/drafts",
        {"kind": "peacekeeping_operation", "case": case_id},
    )
    draft_id = draft.json()["created"]["draft"]
    for state in ("BLR", "KAZ", "KGZ", "RUS", "TJK"):
        assert (
            api.post(state, f"/drafts/{draft_id}/positions", {"position": "support"}).status_code
            == 201
        )
    aside = api.post("ARM", f"/drafts/{draft_id}/positions", {"position": "stand_aside"})
    assert aside.status_code == 201
    other = api.post(
        "ARM", f"/drafts/{draft_id}/positions", {"position": "support", "on_behalf_of": "BLR"}
    )
    assert other.status_code == 403
    closed = api.post("secretariat", f"/drafts/{draft_id}/closure")
    assert closed.json()["details"]["outcome"] == "adopted_restricted"
    assert closed.json()["details"]["standing_aside"] == ["ARM"]
    deployed = api.post(
        "joint_staff", f"/cases/{case_id}/deployments", {"contingents": {"RUS": 1500, "BLR": 200}}
    )
    assert deployed.status_code == 201
    case = api.get("KAZ", f"/cases/{case_id}").json()
    assert case["stage"] == "in_execution"
    assert [d["contingents"] for d in case["deployments"]] == [{"RUS": 1500, "BLR": 200}]
    draft_view = api.get("RUS", f"/drafts/{draft_id}").json()
    assert draft_view["positions"]["ARM"] == "stand_aside"
    assert api.get("admin", "/journal/verification", wait=60).json()["ok"] is True


def test_treaty_views_answer_as_of_a_date(api):
    chair = api.get("analyst", "/chair", as_of="2022-01-06").json()
    assert chair["chair"] == "ARM"
    members = {
        m["state"]: m["status"] for m in api.get("analyst", "/members", as_of="2010-06-01").json()
    }
    assert members["UZB"] == "member"
    ruling = api.client.get(
        "/treaty/explain",
        headers=api.headers("analyst"),
        params=[
            ("question", "request"),
            ("as_of", "2005-03-01"),
            ("fact", "by=KAZ"),
            ("fact", "article=CST-4"),
            ("fact", "threat=aggression"),
            ("fact", "aggressor=non_state"),
        ],
    ).json()
    assert ruling["allowed"] is False
    assert ruling["articles"] == ["CST-4"]
