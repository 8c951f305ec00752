"""Partners over the API, with the identity model's roles: the Secretariat records
instruments and an organization's acts, delegations act for their own state, members consent."""

MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
OBSERVER = {
    "status": "observer",
    "meets": ["interest", "un_member", "diplomatic_relations", "peaceful_settlement"],
}
PROTOCOL = {
    "id": "PROT-2026",
    "title": "Protocol on an example of cooperation",
    "kind": "protocol",
    "parties": ["KAZ", "RUS", "BLR"],
    "entry_into_force": {"on": "nth_ratification", "n": 2},
    "open_to_accession": True,
    "depositary": "SECRETARIAT",
}


def test_the_secretariat_records_an_instrument_and_a_delegation_may_not(api):
    refused = api.post("KAZ", "/instruments", PROTOCOL)
    assert refused.status_code == 403
    recorded = api.post("secretariat", "/instruments", PROTOCOL)
    assert recorded.status_code == 201, recorded.json()
    assert recorded.json()["created"] == {"instrument": "PROT-2026"}
    view = api.get("ARM", "/instruments/PROT-2026").json()
    assert (
        view["status"] == "not signed, not yet in force: 0 of 2 ratifications or accessions needed"
    )
    assert [p["party"] for p in view["parties"]] == ["KAZ", "RUS", "BLR"]
    listed = {i["id"]: i for i in api.get("ARM", "/instruments").json()}
    assert listed["PROT-2026"]["recorded_by"] == "secretariat"
    assert listed["CST-1992"]["in_force_since"] == "1994-04-20"


def test_delegations_sign_and_ratify_for_their_own_state_into_force_on_the_second(api):
    api.post("secretariat", "/instruments", PROTOCOL)
    for state in ("KAZ", "RUS"):
        signed = api.post(state, "/instruments/PROT-2026/signatures", {})
        assert signed.status_code == 201, signed.json()
    for_another = api.post("RUS", "/instruments/PROT-2026/ratifications", {"on_behalf_of": "KAZ"})
    assert for_another.status_code == 403
    assert api.post("KAZ", "/instruments/PROT-2026/ratifications", {}).status_code == 201
    second = api.post("RUS", "/instruments/PROT-2026/ratifications", {})
    assert second.status_code == 201
    view = api.get("KAZ", "/instruments/PROT-2026").json()
    assert view["in_force"] is True
    assert view["status"].startswith("in force since ")


def test_a_ratification_by_a_state_that_is_not_a_party_is_422_naming_the_parties(api):
    api.post("secretariat", "/instruments", PROTOCOL)
    refused = api.post("ARM", "/instruments/PROT-2026/ratifications", {})
    assert refused.status_code == 422
    assert refused.json()["ruling"]["reasons"] == [
        "ARM is not a party to PROT-2026 and cannot ratify it; its parties are KAZ, RUS, BLR"
    ]
    assert api.get("ARM", "/instruments/PROT-2026").json()["ratified"] == {}
    accession = api.post("SRB", "/instruments/PROT-2026/accessions", {})
    assert accession.status_code == 201, accession.json()
    assert api.get("SRB", "/instruments/PROT-2026").json()["acceded"].keys() == {"SRB"}


def test_the_secretariat_records_an_organizations_signature(api):
    statement = {
        "id": "JS-UN",
        "title": "Joint statement",
        "kind": "joint_statement",
        "parties": ["CSTO", "UN"],
    }
    assert api.post("secretariat", "/instruments", statement).status_code == 201
    for party in ("CSTO", "UN"):
        signed = api.post("secretariat", "/instruments/JS-UN/signatures", {"party": party})
        assert signed.status_code == 201, signed.json()
    assert api.get("KAZ", "/instruments/JS-UN").json()["in_force"] is True
    assert api.post("KAZ", "/instruments/JS-UN/signatures", {"party": "UN"}).status_code == 422


def test_malformed_input_is_422_naming_the_field_and_an_unknown_instrument_404(api):
    bad = api.post("secretariat", "/instruments", {**PROTOCOL, "kind": "pact"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "kind"]
    one_party = api.post("secretariat", "/instruments", {**PROTOCOL, "parties": ["KAZ", "Kaz"]})
    assert one_party.json()["detail"][0]["loc"] == ["body", "parties"]
    assert api.post("KAZ", "/instruments/NO-SUCH/ratifications", {}).status_code == 404
    assert api.get("KAZ", "/instruments/NO-SUCH").status_code == 404


def test_organizations_are_listed_with_their_sources(api):
    organizations = {o["id"]: o for o in api.get("ARM", "/organizations").json()}
    assert {"UN", "OSCE", "CIS", "SCO", "ICRC"} <= set(organizations)
    first = organizations["UN"]["cooperation"][0]
    assert (first["date"], first["confidence"], first["refs"]) == (
        "2004-12-02",
        "verified",
        ["SRC-ODKB-FACTS"],
    )


def test_an_application_every_member_consents_to_puts_the_status_on_the_roll(api):
    assert api.post("KAZ", "/status-applications", OBSERVER).status_code == 422  # a member
    applied = api.post("SRB", "/status-applications", OBSERVER)
    assert applied.status_code == 201, applied.json()
    application = applied.json()["created"]["application"]
    url = f"/status-applications/{application}"
    assert api.post("UZB", f"{url}/consents", {"consent": "yes"}).status_code == 422
    assert api.post("secretariat", f"{url}/consents", {"consent": "yes"}).status_code == 403
    for state in MEMBERS:
        answer = api.post(state, f"{url}/consents", {"consent": "yes"})
        assert answer.status_code == 201, answer.json()
    view = api.get("SRB", url).json()
    assert (view["outcome"], view["awaiting"]) == ("granted", [])
    roll = {m["state"]: m["status"] for m in api.get("SRB", "/members").json()}
    assert roll["SRB"] == "observer"
    assert api.get("SRB", "/status-applications/application-9").status_code == 404


def test_one_objection_refuses_and_the_secretariat_records_an_organizations_application(api):
    letter = {"status": "observer", "applicant": "osce", "meets": ["interest"]}
    assert api.post("SRB", "/status-applications", letter).status_code == 422
    applied = api.post("secretariat", "/status-applications", letter)
    assert applied.status_code == 201, applied.json()
    url = f"/status-applications/{applied.json()['created']['application']}"
    assert api.post("BLR", f"{url}/consents", {"consent": "no"}).status_code == 201
    view = api.get("ARM", url).json()
    assert (view["outcome"], view["objector"]) == ("refused", "BLR")
    assert "OSCE" not in {m["state"] for m in api.get("ARM", "/members").json()}
