"""The API on a request naming a party as aggressor: a dispute between parties (CST Art. 1)."""


def file_against(api, article, aggressor):
    body = {"article": article, "threat": "aggression", "aggressor": aggressor}
    return api.post("KGZ", "/cases", {**body, "threatened": ["territorial_integrity"]})


def test_a_case_against_a_party_shows_the_parties_to_the_dispute(api):
    filed = file_against(api, "CST-2", "tjk")
    assert filed.status_code == 201, filed.json()
    case = api.get("secretariat", f"/cases/{filed.json()['created']['case']}").json()
    assert case["parties_to_dispute"] == ["KGZ", "TJK"]
    assert case["aggressor"] == "TJK"


def test_collective_defence_against_a_party_is_422_citing_art_1(api):
    refused = file_against(api, "CST-4", "TJK")
    assert refused.status_code == 422
    assert "CST-1" in refused.json()["ruling"]["articles"]
    assert "dispute between parties" in str(refused.json()["ruling"])
    assert api.get("secretariat", "/cases").json() == []


def test_an_aggressor_that_is_neither_a_kind_nor_a_state_is_422_naming_the_field(api):
    refused = file_against(api, "CST-2", "XXX")
    assert refused.status_code == 422
    assert "aggressor" in str(refused.json()["detail"])
    assert api.get("secretariat", "/cases").json() == []
