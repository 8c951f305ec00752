"""Through the API: every member reads and decides on a CSC draft about a case released to
KAZ alone, while the case file stays 404 to them (issue 11, item 4)."""

OTHERS = ["ARM", "BLR", "KGZ", "RUS", "TJK"]


def confidential_draft(api):
    filed = api.post(
        "KAZ",
        "/cases",
        {
            "article": "CST-4",
            "threat": "aggression",
            "aggressor": "non_state",
            "summary": "attacks by armed groups trained abroad",
            "classification": "confidential",
            "releasable_to": ["KAZ"],
        },
    )
    case_id = filed.json()["created"]["case"]
    session = api.post(
        "secretariat",
        "/sessions",
        {"body": "CSC", "extraordinary": True, "format": "video", "about": case_id},
    )
    session_id = session.json()["created"]["session"]
    tabled = api.post(
        "secretariat",
        f"/sessions/{session_id}/drafts",
        {"kind": "peacekeeping_operation", "case": case_id, "text": "send peacekeeping forces"},
    )
    assert tabled.status_code == 201, tabled.json()
    return case_id, session_id, tabled


def test_armenia_reads_and_blocks_a_draft_about_a_case_it_cannot_read(api):
    case_id, session_id, tabled = confidential_draft(api)
    assert tabled.json()["details"]["released_to"] == OTHERS
    draft_id = tabled.json()["created"]["draft"]
    assert api.get("ARM", f"/drafts/{draft_id}").json()["text"] == "send peacekeeping forces"
    assert api.get("ARM", f"/sessions/{session_id}").json()["agenda"] == [draft_id]
    assert [s["id"] for s in api.get("ARM", "/sessions").json()] == [session_id]
    assert api.get("ARM", f"/cases/{case_id}").status_code == 404
    assert api.get("ARM", "/cases").json() == []
    for state in ("BLR", "KAZ", "KGZ", "RUS", "TJK"):
        stated = api.post(state, f"/drafts/{draft_id}/positions", {"position": "support"})
        assert stated.status_code == 201, stated.json()
    objected = api.post("ARM", f"/drafts/{draft_id}/positions", {"position": "object"})
    assert objected.status_code == 201, objected.json()
    closed = api.post("secretariat", f"/drafts/{draft_id}/closure")
    assert closed.status_code == 201, closed.json()
    assert closed.json()["details"]["outcome"] == "blocked"
    assert closed.json()["details"]["blocked_by"] == ["ARM"]
    assert closed.json()["details"]["absent"] == []
    assert api.get("ARM", f"/drafts/{draft_id}").json()["outcome"] == "blocked"
    assert api.get("ARM", f"/cases/{case_id}").status_code == 404


def test_an_observer_liaison_and_states_taking_no_part_still_cannot_read_the_draft(api):
    _, session_id, tabled = confidential_draft(api)
    draft_id = tabled.json()["created"]["draft"]
    for caller in ("observer_liaison", "AZE", "UZB", "SRB"):
        before = len(api.get("admin", "/journal").json())
        assert api.get(caller, f"/drafts/{draft_id}").status_code == 404, caller
        assert api.get(caller, f"/sessions/{session_id}").status_code == 404, caller
        assert api.get(caller, "/sessions").json() == [], caller
        refusals = api.get("admin", "/journal", after=before).json()
        assert [e["allowed"] for e in refusals] == [False, False], caller
    refused = api.post("UZB", f"/drafts/{draft_id}/positions", {"position": "object"})
    assert refused.status_code == 404


def test_a_draft_the_caller_may_not_read_is_not_on_the_agenda_it_is_shown(api):
    session = api.post("secretariat", "/sessions", {"body": "CSC", "format": "in_person"})
    session_id = session.json()["created"]["session"]
    public = api.post("secretariat", f"/sessions/{session_id}/drafts", {"kind": "statement"})
    case_id, _, _ = confidential_draft(api)
    hidden = api.post(
        "secretariat", f"/sessions/{session_id}/drafts", {"kind": "statement", "case": case_id}
    )
    public_id, hidden_id = public.json()["created"]["draft"], hidden.json()["created"]["draft"]
    assert api.get("KAZ", f"/sessions/{session_id}").json()["agenda"] == [public_id, hidden_id]
    for outsider in ("AZE", "observer_liaison"):
        assert api.get(outsider, f"/drafts/{hidden_id}").status_code == 404
        assert api.get(outsider, f"/sessions/{session_id}").json()["agenda"] == [public_id]
        listed = {s["id"]: s for s in api.get(outsider, "/sessions").json()}
        assert listed[session_id]["agenda"] == [public_id]
