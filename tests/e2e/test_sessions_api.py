"""Convening through the API: several requesters, one written alone, bad ones named."""


def convene(api, **body):
    return api.post("secretariat", "/sessions", {"body": "CSC", "extraordinary": True, **body})


def test_an_extraordinary_session_keeps_every_member_that_asked_for_it(api):
    convened = convene(api, requested_by=["KAZ", "KGZ"], on_behalf_of="chair")
    assert convened.status_code == 201, convened.json()
    session = api.get("secretariat", f"/sessions/{convened.json()['created']['session']}").json()
    assert session["requested_by"] == ["KAZ", "KGZ"]
    entry = api.get("admin", "/journal").json()[-1]
    assert (entry["command"], entry["payload"]["requested_by"]) == (
        "convene_session",
        ["KAZ", "KGZ"],
    )


def test_one_requester_may_be_written_alone(api):
    convened = convene(api, requested_by="kaz", on_behalf_of="chair")
    assert convened.status_code == 201, convened.json()
    session = api.get("secretariat", f"/sessions/{convened.json()['created']['session']}").json()
    assert session["requested_by"] == ["KAZ"]


def test_a_requester_named_twice_or_unknown_is_refused_naming_the_field(api):
    for requested_by in (["KAZ", "KAZ"], ["KAZ", "XXX"], ["KAZ", ""]):
        refused = convene(api, requested_by=requested_by, on_behalf_of="chair")
        assert refused.status_code == 422, requested_by
        assert refused.json()["detail"][0]["loc"][:2] == ["body", "requested_by"], requested_by
    assert api.get("secretariat", "/sessions").json() == []


def test_a_requester_that_is_no_member_is_refused_by_the_rules_and_nothing_is_convened(api):
    refused = convene(api, requested_by=["KAZ", "GEO"], on_behalf_of="chair")
    assert refused.status_code == 422
    assert refused.json()["detail"] == "refused by the rules"
    assert any("Georgia" in reason for reason in refused.json()["ruling"]["reasons"])
    assert api.get("secretariat", "/sessions").json() == []
