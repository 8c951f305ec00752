"""Issue 14's paths through the API: suspended Uzbekistan applies again (a re-entry), a
withdrawal names what the member settles, a draft carries a UN Security Council mandate."""

MANDATE = "S/RES/0000 (a hypothetical resolution)"


def csc_session(api) -> str:
    session = api.post("secretariat", "/sessions", {"body": "CSC"})
    assert session.status_code == 201, session.json()
    return session.json()["created"]["session"]


def test_suspended_uzbekistan_applies_again_and_the_ruling_says_it_is_a_re_entry(api):
    applied = api.post("UZB", "/membership/applications")
    assert applied.status_code == 201, applied.json()
    body = applied.json()
    assert body["details"]["re_entry"] is True
    assert set(body["articles"]) == {"CHARTER-19", "REG-ADMISSION-2004"}
    assert body["details"]["confidence"] == "unverified"
    uzbekistan = next(m for m in api.get("RUS", "/members").json() if m["state"] == "UZB")
    assert uzbekistan["status"] == "suspended"


def test_a_member_applying_is_refused_and_nothing_is_written(api):
    refused = api.post("KAZ", "/membership/applications")
    assert refused.status_code == 422
    assert "already a member" in refused.json()["ruling"]["reasons"][0]
    assert api.get("admin", "/journal").json()[-1]["allowed"] is False


def test_a_withdrawal_notice_lists_the_obligations_with_their_source(api):
    notice = api.post("KGZ", "/membership/withdrawal-notices")
    assert notice.status_code == 201, notice.json()
    assert notice.json()["details"]["obligations"] == ["obligations_linked_to_withdrawal"]
    assert "REG-ADMISSION-2004" in notice.json()["articles"]


def test_a_peacekeeping_draft_outside_the_members_carries_its_un_mandate(api):
    session_id = csc_session(api)
    body = {"kind": "peacekeeping_operation", "subject": "AFG", "un_mandate": MANDATE}
    tabled = api.post("secretariat", f"/sessions/{session_id}/drafts", body)
    assert tabled.status_code == 201, tabled.json()
    assert any(MANDATE in reason for reason in tabled.json()["reasons"])
    draft_id = tabled.json()["created"]["draft"]
    assert api.get("secretariat", f"/drafts/{draft_id}").json()["un_mandate"] == MANDATE
    without = api.post(
        "secretariat", f"/sessions/{session_id}/drafts", {**body, "un_mandate": None}
    )
    assert without.status_code == 422
    assert "needs a decision of the UN Security Council" in without.json()["ruling"]["reasons"][-1]


def test_a_blank_un_mandate_is_refused_naming_the_field_and_nothing_is_written(api):
    session_id = csc_session(api)
    entries = len(api.get("admin", "/journal").json())
    body = {"kind": "peacekeeping_operation", "subject": "AFG", "un_mandate": "   "}
    refused = api.post("secretariat", f"/sessions/{session_id}/drafts", body)
    assert refused.status_code == 422
    assert "un_mandate" in str(refused.json())
    assert len(api.get("admin", "/journal").json()) == entries
