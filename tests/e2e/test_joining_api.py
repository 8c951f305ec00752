"""Joining an adopted decision through the API: the delegation that stood aside joins it."""

from tests.e2e.test_api import file_kazakh_request

SUPPORTING = ("BLR", "KAZ", "KGZ", "RUS", "TJK")


def adopted_with_armenia_aside(api) -> str:
    case_id = file_kazakh_request(api).json()["created"]["case"]
    session = api.post("secretariat", "/sessions", {"body": "CSC", "about": case_id})
    session_id = session.json()["created"]["session"]
    draft = api.post(
        "secretariat",
        f"/sessions/{session_id}/drafts",
        {"kind": "peacekeeping_operation", "case": case_id},
    )
    draft_id = draft.json()["created"]["draft"]
    for state in SUPPORTING:
        api.post(state, f"/drafts/{draft_id}/positions", {"position": "support"})
    api.post("ARM", f"/drafts/{draft_id}/positions", {"position": "stand_aside"})
    closed = api.post("secretariat", f"/drafts/{draft_id}/closure")
    assert closed.json()["details"]["outcome"] == "adopted_restricted"
    return draft_id


def test_a_delegation_that_stood_aside_joins_the_decision_once(api):
    draft_id = adopted_with_armenia_aside(api)
    joined = api.post("ARM", f"/drafts/{draft_id}/joining")
    assert joined.status_code == 201, joined.json()
    assert "CHARTER-12" in joined.json()["articles"]
    draft = api.get("RUS", f"/drafts/{draft_id}").json()
    assert (draft["standing_aside"], draft["joined"]) == (["ARM"], ["ARM"])
    again = api.post("ARM", f"/drafts/{draft_id}/joining")
    assert again.status_code == 422
    assert "nothing to join" in again.json()["ruling"]["reasons"][-1]
    entry = api.get("admin", "/journal").json()[-2]
    assert (entry["command"], entry["payload"]["draft"], entry["allowed"]) == (
        "join_decision",
        draft_id,
        True,
    )


def test_only_a_delegation_joins_and_only_for_its_own_state(api):
    draft_id = adopted_with_armenia_aside(api)
    assert api.post("secretariat", f"/drafts/{draft_id}/joining").status_code == 403
    for_another = api.post("KAZ", f"/drafts/{draft_id}/joining", {"on_behalf_of": "ARM"})
    assert for_another.status_code == 403
    assert api.get("RUS", f"/drafts/{draft_id}").json()["joined"] == []


def test_joining_an_unknown_draft_is_404_and_changes_nothing(api):
    draft_id = adopted_with_armenia_aside(api)
    entries = len(api.get("admin", "/journal").json())
    missing = api.post("ARM", "/drafts/draft-9/joining")
    assert (missing.status_code, missing.json()["detail"]) == (
        404,
        "draft 'draft-9' does not exist",
    )
    assert api.get("RUS", f"/drafts/{draft_id}").json()["joined"] == []
    assert len(api.get("admin", "/journal").json()) == entries
