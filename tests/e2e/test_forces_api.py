"""Forces over the API: delegations pledge their own units, the Joint Staff verifies them and
states a decision's requirements, Accord proposes units, the forces are deployed and return."""

from __future__ import annotations

import datetime as dt

from tests.e2e.test_api import file_kazakh_request

SOON = (dt.date.today() + dt.timedelta(days=5)).isoformat()


def pledge(api, state: str, capabilities: list[str], strength: int, days: int, **extra) -> str:
    body = {
        "unit": f"{state} {capabilities[0]} unit",
        "strength": strength,
        "formation": "collective_peacekeeping_forces",
        "readiness_days": days,
        "capabilities": capabilities,
        **extra,
    }
    response = api.post(state, "/units", body)
    assert response.status_code == 201, response.json()
    return str(response.json()["created"]["unit"])


def adopted_peacekeeping_case(api) -> str:
    case_id = file_kazakh_request(api).json()["created"]["case"]
    session = api.post("secretariat", "/sessions", {"body": "CSC", "about": case_id})
    draft = api.post(
        "secretariat",
        f"/sessions/{session.json()['created']['session']}/drafts",
        {"kind": "peacekeeping_operation", "case": case_id},
    ).json()["created"]["draft"]
    for state in ("BLR", "KAZ", "KGZ", "RUS", "TJK"):
        api.post(state, f"/drafts/{draft}/positions", {"position": "support"})
    api.post("ARM", f"/drafts/{draft}/positions", {"position": "stand_aside"})
    assert api.post("secretariat", f"/drafts/{draft}/closure").status_code == 201
    return str(case_id)


def test_from_pledges_to_a_proposal_a_deployment_and_home_again(api):
    airborne = pledge(api, "RUS", ["airborne"], 1500, 1)
    slow = pledge(api, "RUS", ["airborne"], 1500, 30)
    belarus = pledge(api, "BLR", ["motorised_infantry"], 200, 2)
    armenia = pledge(api, "ARM", ["motorised_infantry"], 300, 1)
    kyrgyz = pledge(api, "KGZ", ["motorised_infantry"], 150, 2, caveats={"not_in": ["KAZ"]})
    visit = {"visited_on": dt.date.today().isoformat(), "level": "level_2"}
    assert api.post("RUS", f"/units/{airborne}/visits", visit).status_code == 403
    assert api.post("joint_staff", f"/units/{airborne}/visits", visit).status_code == 201
    assert api.get("KAZ", f"/units/{airborne}").json()["readiness_level"] == "level_2"

    case_id = adopted_peacekeeping_case(api)
    requirements = {
        "requirements": [
            {
                "id": "guard",
                "capability": "airborne",
                "strength": 1500,
                "needed_by": SOON,
                "where": "KAZ",
            },
            {
                "id": "support",
                "capability": "motorised_infantry",
                "strength": 200,
                "needed_by": SOON,
                "where": "KAZ",
            },
        ]
    }
    assert api.post("RUS", f"/cases/{case_id}/requirements", requirements).status_code == 403
    assert api.post("joint_staff", f"/cases/{case_id}/requirements", requirements).status_code == (
        201
    )
    proposal = api.get("joint_staff", f"/cases/{case_id}/force-proposal").json()
    assert proposal["feasible"] is True
    assert [u["id"] for u in proposal["assignment"]["guard"]] == [airborne]
    # Armenia stood aside and Kyrgyzstan's caveat excludes Kazakhstan: Belarus answers.
    assert [u["id"] for u in proposal["assignment"]["support"]] == [belarus]
    assert proposal["latest_arrival_days"] == 2
    proposed = {u["id"] for units in proposal["assignment"].values() for u in units}
    assert proposed.isdisjoint({slow, armenia, kyrgyz})

    units = [u["id"] for r in proposal["assignment"].values() for u in r]
    deployed = api.post(
        "joint_staff", f"/cases/{case_id}/deployments", {"units": units, "contingents": {}}
    )
    assert deployed.status_code == 201, deployed.json()
    case = api.get("KAZ", f"/cases/{case_id}").json()
    assert case["deployments"][0]["contingents"] == {"RUS": 1500, "BLR": 200}
    assert "deployed: BLR, RUS (1700)" in case["timeline"][-2]["what"]
    after = api.get("joint_staff", f"/cases/{case_id}/force-proposal").json()
    assert after["feasible"] is False
    assert any("guard" in line for line in after["shortfall"])

    assert api.post("joint_staff", f"/cases/{case_id}/withdrawals", {}).status_code == 201
    back = api.get("joint_staff", f"/cases/{case_id}/force-proposal").json()
    assert back["feasible"] is True


def test_a_delegation_changes_and_withdraws_only_its_own_pledges(api):
    unit = pledge(api, "RUS", ["engineers"], 400, 10)
    change = {"reason": "one company rotated out", "strength": 300}
    assert api.post("BLR", f"/units/{unit}/changes", change).status_code == 422
    assert api.post("RUS", f"/units/{unit}/changes", change).status_code == 201
    assert api.post("RUS", f"/units/{unit}/withdrawal", {"reason": "floods"}).status_code == 201
    detail = api.get("ARM", f"/units/{unit}").json()
    assert (detail["strength"], detail["pledged"]) == (300, False)
    assert [h["what"] for h in detail["history"]][1:] == [
        "strength 300: one company rotated out",
        "pledge withdrawn: floods",
    ]
    negative = api.post("RUS", "/units", {"unit": "ghosts", "strength": -1})
    assert negative.status_code == 422
    assert negative.json()["detail"][0]["loc"] == ["body", "strength"]
