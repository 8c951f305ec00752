"""Exercises and operations over the API, with the roles of the identity model."""

import datetime as dt

MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
NEXT_YEAR = dt.date.today().year + 1
# Test data: an exercise of next year, so that it can still be changed and cancelled.
PLAN = {
    "year": NEXT_YEAR,
    "exercises": [
        {
            "name": f"Interaction-{NEXT_YEAR}",
            "kind": "interaction",
            "host": "KAZ",
            "start": f"{NEXT_YEAR}-09-14",
            "end": f"{NEXT_YEAR}-09-18",
            "troop_cap": 1500,
            "participants": ["kgz", "RUS"],
        }
    ],
}
STAGE = {
    "name": "Channel-Arax",
    "start": "2023-05-22",
    "end": "2023-05-26",
    "participants": ["ARM", "KAZ", "RUS"],
    "observers": ["UNODC", "China"],
}


def adopted_by_the_cdm(api):
    """The Secretariat convenes the CDM, tables the plan, every member supports, it closes."""
    session = api.post("secretariat", "/sessions", {"body": "CDM"}).json()["created"]["session"]
    tabled = api.post("secretariat", f"/sessions/{session}/drafts", {"kind": "exercise_plan"})
    draft = tabled.json()["created"]["draft"]
    for state in MEMBERS:
        assert (
            api.post(state, f"/drafts/{draft}/positions", {"position": "support"}).status_code
            == 201
        )
    assert api.post("secretariat", f"/drafts/{draft}/closure", {}).status_code == 201
    return draft


def test_the_joint_staff_plans_and_a_delegation_or_the_secretariat_may_not(api):
    for caller in ("KAZ", "secretariat"):
        assert api.post(caller, "/exercise-plans", PLAN).status_code == 403
    proposed = api.post("joint_staff", "/exercise-plans", PLAN)
    assert proposed.status_code == 201, proposed.json()
    plan_id = proposed.json()["created"]["exercise_plan"]
    assert plan_id == f"plan-{NEXT_YEAR}-1"
    plan = api.get("ARM", f"/exercise-plans/{plan_id}").json()
    assert plan["status"] == "proposed"
    assert plan["exercises"][0]["participants"] == ["KAZ", "KGZ", "RUS"]


def test_a_plan_adopted_by_the_cdm_then_cancelled_by_its_host(api):
    plan_id = api.post("joint_staff", "/exercise-plans", PLAN).json()["created"]["exercise_plan"]
    draft = adopted_by_the_cdm(api)
    adoption = api.post("secretariat", f"/exercise-plans/{plan_id}/adoption", {"decision": draft})
    assert adoption.status_code == 201, adoption.json()
    assert adoption.json()["articles"] == ["CHARTER-15"]
    exercise = f"/exercises/Interaction-{NEXT_YEAR}"
    assert api.get("observer_liaison", exercise).json()["status"] == "adopted"

    cancel = {"change": "cancelled_by_host", "reason": "not expedient this year"}
    by_another = api.post("RUS", f"{exercise}/changes", cancel)
    assert by_another.status_code == 422
    assert "only KAZ, the host" in by_another.json()["ruling"]["reasons"][0]
    by_the_host = api.post("KAZ", f"{exercise}/changes", cancel)
    assert by_the_host.status_code == 201, by_the_host.json()

    shown = api.get("KAZ", exercise).json()
    assert shown["status"] == "cancelled"
    assert [(c["change"], c["reason"], c["by"]) for c in shown["changes"]] == [
        ("cancelled_by_host", "not expedient this year", "KAZ")
    ]


def test_an_exercise_ending_before_it_starts_is_422_naming_the_field(api):
    backwards = {**PLAN["exercises"][0], "end": f"{NEXT_YEAR}-09-01"}
    response = api.post("joint_staff", "/exercise-plans", {**PLAN, "exercises": [backwards]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "exercises[0].end"]
    assert api.get("admin", "/exercise-plans").json() == []


def test_a_delegation_records_its_own_results_only_and_the_totals_add_them_up(api):
    stage = api.post("secretariat", "/operations/Channel/stages", STAGE)
    assert stage.status_code == 201, stage.json()
    stage_id = stage.json()["created"]["operation_stage"]
    assert api.post("KAZ", "/operations/Channel/stages", STAGE).status_code == 403

    results = f"/operation-stages/{stage_id}/results"
    own = api.post("KAZ", results, {"state": "KAZ", "seizures": {"heroin": 2.5}, "detentions": 4})
    assert own.status_code == 201, own.json()
    assert api.post("RUS", results, {"state": "KAZ", "detentions": 1}).status_code == 422
    assert api.post("RUS", results, {"state": "RUS", "on_behalf_of": "KAZ"}).status_code == 403
    negative = api.post("ARM", results, {"state": "ARM", "detentions": -1})
    assert negative.status_code == 422
    assert negative.json()["detail"][0]["loc"] == ["body", "detentions"]
    secretariat = {"state": "RUS", "seizures": {"heroin": 1.25, "hashish": 3.0}}
    assert api.post("secretariat", results, secretariat).status_code == 201

    (channel,) = api.get("ARM", "/operations/totals", year=2023).json()
    assert channel["seizures_kg"] == {"hashish": 3.0, "heroin": 3.75}
    assert (channel["detentions"], sorted(channel["by_member"])) == (4, ["KAZ", "RUS"])
    stages = api.get("ARM", "/operations/channel/stages").json()
    assert [len(s["results"]) for s in stages] == [2]


def test_the_operations_are_listed_with_their_sources(api):
    operations = {o["name"]: o for o in api.get("observer_liaison", "/operations").json()}
    assert set(operations) == {"Channel", "Illegal", "Proxy", "Mercenary"}
    assert operations["Mercenary"]["source"]["confidence"] == "unverified"
    assert "SRC-ODKB-ARAX" in operations["Channel"]["source"]["refs"]
    assert api.get("ARM", "/operations/Harvest/stages").status_code == 404
