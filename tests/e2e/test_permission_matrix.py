"""Every caller against every endpoint: who is refused (401, 403, 404) and who gets through.

The table of expectations below names every route of the app; a route added without an
expectation fails the first test. The matrix runs in one shared world (module scope): a
public Art. 2 case filed by KAZ, a CSC session about it with a tabled statement, and a
confidential case released to KAZ alone. A permitted caller may change that world (close
the draft, withdraw the request...), so its answers are only bound to 201 (allowed) or 422
(refused by the rules, with the ruling); a caller whose role may not send the command
always gets 403, and the journal records the refusal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts

from accord.contexts import assembly
from accord.dashboard.web import dashboard_path
from accord.identity.permissions import STAFF as STAFF_ROLES
from tests.api_client import DELEGATIONS, STAFF, ApiUsers
from tests.monitoring.reading import GDELT_DAYS

COMMAND_ROLES = assembly().roles
CALLERS = (*STAFF, *DELEGATIONS)
PUBLIC, LOGIN, READ, JOURNAL = "public", "login", "read", "journal"
#: Readable by every token, but this world holds no such record: 404 for all.
MISSING = "missing"
#: Readable by the staff and by the delegation a record is addressed to (KAZ in this world).
ADDRESSEE = "addressee"
#: Monitoring: the staff see every member, a delegation its own state, others are refused.
MONITOR, MONITOR_KAZ, MONITOR_MISSING = "monitor", "monitor KAZ", "monitor a missing alert"
MONITORING = (MONITOR, MONITOR_KAZ, MONITOR_MISSING)
PASSWORD = "a long pass phrase"
#: Serbia, not a member, applies for observer status declaring the Regulation's criteria.
SERBIA_APPLIES = {
    "status": "observer",
    "meets": ["interest", "un_member", "diplomatic_relations", "peaceful_settlement"],
}


@dataclass(frozen=True)
class Endpoint:
    """One route, who may call it (an access class or a command name), and a valid request."""

    method: str
    path: str
    access: str
    body: dict[str, Any] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    #: A file sent as the raw body instead of ``body`` as JSON (an ingest's event file).
    content: bytes | None = None

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def is_command(self) -> bool:
        return self.access in COMMAND_ROLES


ENDPOINTS = (
    # Documentation and liveness: no token needed.
    Endpoint("GET", "/health", PUBLIC),
    Endpoint("GET", "/openapi.json", PUBLIC),
    Endpoint("GET", "/docs", PUBLIC),
    Endpoint("GET", "/docs/oauth2-redirect", PUBLIC),
    Endpoint("GET", "/redoc", PUBLIC),
    Endpoint("POST", "/auth/token", LOGIN, {"name": "kaz", "password": "not the pass phrase"}),
    # Reads: any token.
    Endpoint("GET", "/me", READ),
    Endpoint(
        "GET",
        "/treaty/explain",
        READ,
        params={"question": "request", "fact": ["by=KAZ", "article=CST-2", "where=KAZ"]},
    ),
    Endpoint("GET", "/chair", READ),
    Endpoint("GET", "/treaty/articles/{article_id}", READ),
    Endpoint("GET", "/members", READ),
    Endpoint("GET", "/cases", READ),
    Endpoint("GET", "/cases/{case_id}", READ),
    Endpoint("GET", "/sessions", READ),
    Endpoint("GET", "/sessions/{session_id}", READ),
    Endpoint("GET", "/drafts/{draft_id}", READ),
    Endpoint("GET", "/instruments/{instrument_id}", READ),
    Endpoint("GET", "/instruments", READ),
    Endpoint("GET", "/organizations", READ),
    Endpoint("GET", "/status-applications", READ),
    Endpoint("GET", "/status-applications/{application_id}", READ),
    Endpoint("GET", "/units", READ),
    Endpoint("GET", "/exercise-plans", READ),
    Endpoint("GET", "/exercise-plans/{plan_id}", READ),
    Endpoint("GET", "/exercises", READ),
    Endpoint("GET", "/exercises/{exercise_id}", READ),
    Endpoint("GET", "/operations", READ),
    Endpoint("GET", "/operations/totals", READ, params={"year": 2023}),
    Endpoint("GET", "/operations/{operation}/stages", READ),
    Endpoint("GET", "/units/{unit_id}", READ),
    # The public case has no adopted decision, so no requirements and no proposal.
    Endpoint("GET", "/cases/{case_id}/force-proposal", MISSING),
    Endpoint("GET", "/prepared-requests", READ),
    Endpoint("GET", "/prepared-requests/{prepared_id}", ADDRESSEE),
    Endpoint("GET", "/monitor/alerts", MONITOR),
    Endpoint("GET", "/monitor/alerts.stix", MONITOR),
    Endpoint("GET", "/monitor/indicators", MONITOR_KAZ, params={"member": "KAZ"}),
    Endpoint("GET", "/monitor/alerts/{alert_id}/cap", MONITOR_MISSING),
    # The journal: the Secretariat and administrators only.
    Endpoint("GET", "/journal", JOURNAL),
    Endpoint("GET", "/journal/verification", JOURNAL),
    # Auditing the journal: every token (hashes only, never an entry's content).
    Endpoint("GET", "/journal/head", READ),
    Endpoint("GET", "/journal/keys", READ),
    Endpoint("GET", "/journal/proofs/inclusion", READ, params={"seq": 1}),
    Endpoint("GET", "/journal/proofs/consistency", READ, params={"from": 1, "to": 2}),
    # Commands: COMMAND_ROLES decides who may send them, then the rules decide.
    Endpoint(
        "POST",
        "/cases",
        "file_request",
        {"article": "CST-2", "where": "KAZ", "classification": "public", "summary": "unrest"},
    ),
    Endpoint(
        "POST",
        "/prepared-requests",
        "prepare_request",
        {"for_state": "KAZ", "article": "CST-2", "summary": "unrest", "grounds": "alert"},
    ),
    Endpoint("POST", "/cases/{case_id}/un-notifications", "notify_un_security_council", {}),
    Endpoint(
        "POST",
        "/cases/{case_id}/deployments",
        "deploy",
        {"formation": "collective_peacekeeping_forces", "contingents": {"RUS": 100}},
    ),
    Endpoint("POST", "/cases/{case_id}/withdrawals", "withdraw_forces", {}),
    Endpoint("POST", "/cases/{case_id}/closure", "close_case", {"summary": "calm again"}),
    Endpoint("POST", "/cases/{case_id}/withdrawal-of-request", "withdraw_request", {}),
    Endpoint(
        "POST",
        "/sessions",
        "convene_session",
        {"body": "CSC", "extraordinary": True, "format": "video", "about": "{case_id}"},
    ),
    Endpoint(
        "POST",
        "/sessions/{session_id}/drafts",
        "table_draft",
        {"kind": "statement", "case": "{case_id}", "text": "the Council is concerned"},
    ),
    Endpoint("POST", "/drafts/{draft_id}/positions", "state_position", {"position": "support"}),
    Endpoint("POST", "/drafts/{draft_id}/closure", "close_draft", {}),
    Endpoint("POST", "/drafts/{draft_id}/joining", "join_decision", {}),
    Endpoint("POST", "/membership/applications", "apply_for_membership", {}),
    Endpoint("POST", "/membership/withdrawal-notices", "notify_withdrawal", {}),
    Endpoint("POST", "/membership/frozen-participation", "declare_participation_frozen", {}),
    Endpoint("POST", "/membership/suspension-requests", "request_suspension", {"state": "UZB"}),
    Endpoint(
        "POST", "/membership/statuses", "grant_status", {"state": "SRB", "status": "observer"}
    ),
    Endpoint("POST", "/instruments/{instrument_id}/signatures", "sign_instrument", {}),
    Endpoint("POST", "/instruments/{instrument_id}/ratifications", "ratify", {}),
    Endpoint(
        "POST",
        "/instruments",
        "record_instrument",
        {"id": "MOU-UN", "title": "A memorandum", "kind": "memorandum", "parties": ["CSTO", "UN"]},
    ),
    Endpoint("POST", "/instruments/{instrument_id}/accessions", "accede", {}),
    Endpoint("POST", "/status-applications", "apply_for_status", SERBIA_APPLIES),
    Endpoint(
        "POST",
        "/status-applications/{application_id}/consents",
        "consent_to_status",
        {"consent": "yes"},
    ),
    Endpoint("POST", "/units", "pledge_unit", {"unit": "a rifle company", "strength": 120}),
    Endpoint("POST", "/units/{unit_id}/changes", "change_pledge", {"reason": "rotation"}),
    Endpoint("POST", "/units/{unit_id}/withdrawal", "withdraw_pledge", {"reason": "needed"}),
    Endpoint(
        "POST",
        "/units/{unit_id}/visits",
        "record_verification_visit",
        {"visited_on": "2026-01-05", "level": "level_2"},
    ),
    Endpoint(
        "POST",
        "/cases/{case_id}/requirements",
        "state_requirements",
        {
            "requirements": [
                {
                    "capability": "engineers",
                    "strength": 50,
                    "needed_by": "2030-01-01",
                    "where": "KAZ",
                }
            ]
        },
    ),
    # Exercises and operations (test data in the shape of treaty-facts c.2 and c.3).
    Endpoint(
        "POST",
        "/exercise-plans",
        "propose_exercise_plan",
        {
            "year": 2021,
            "exercises": [
                {
                    "name": "Cobalt-2021",
                    "kind": "cobalt",
                    "host": "TJK",
                    "start": "2021-11-17",
                    "end": "2021-11-19",
                    "troop_cap": 500,
                    "participants": ["KAZ", "RUS"],
                }
            ],
        },
    ),
    Endpoint(
        "POST",
        "/exercise-plans/{plan_id}/adoption",
        "adopt_exercise_plan",
        {"decision": "{draft_id}"},
    ),
    Endpoint(
        "POST",
        "/exercises/{exercise_id}/changes",
        "change_exercise",
        {"change": "dates_moved", "reason": "asked", "start": "2021-11-18", "end": "2021-11-20"},
    ),
    Endpoint("POST", "/exercises/{exercise_id}/lessons", "record_lessons", {"text": "learned"}),
    Endpoint(
        "POST",
        "/operations/{operation}/stages",
        "record_operation_stage",
        {
            "name": "Channel-Arax",
            "start": "2023-05-22",
            "end": "2023-05-26",
            "participants": ["ARM", "KAZ", "RUS"],
            "observers": ["UNODC"],
        },
    ),
    Endpoint(
        "POST",
        "/operation-stages/{stage_id}/results",
        "record_operation_results",
        {"state": "KAZ", "seizures": {"heroin": 1.5}, "detentions": 2},
    ),
    # The body is the event file itself; "{}" is one bad GDELT row, reported and journaled.
    Endpoint(
        "POST",
        "/monitor/ingest",
        "record_event_file",
        {},
        params={"format": "gdelt"},
        content=GDELT_DAYS[0].read_bytes().splitlines(keepends=True)[0],  # a real GDELT row
    ),
)
BY_KEY = {endpoint.key: endpoint for endpoint in ENDPOINTS}
COMMANDS = tuple(e for e in ENDPOINTS if e.is_command)
WITH_TOKEN = tuple(e for e in ENDPOINTS if e.access != LOGIN)


@dataclass
class World:
    api: ApiUsers
    ids: dict[str, str]
    seen: int = 0

    def url(self, endpoint: Endpoint) -> str:
        return endpoint.path.format(**self.ids)

    def body(self, endpoint: Endpoint, **extra: Any) -> dict[str, Any] | None:
        if endpoint.body is None:
            return None
        filled = {
            k: v.format(**self.ids) if isinstance(v, str) else v for k, v in endpoint.body.items()
        }
        return {**filled, **extra}

    def call(
        self,
        who: str | None,
        endpoint: Endpoint,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> Any:
        sent = dict(headers or {})
        if who is not None:
            sent.update(self.api.headers(who))
        if endpoint.content is not None:
            return self.api.client.request(
                endpoint.method,
                self.url(endpoint),
                content=endpoint.content,
                params=endpoint.params,
                headers=sent,
            )
        return self.api.client.request(
            endpoint.method,
            self.url(endpoint),
            json=self.body(endpoint, **extra),
            params=endpoint.params,
            headers=sent,
        )

    def journal_length(self) -> int:
        """The last sequence number in the journal, read as the administrator (from the last
        one seen, so that the growing journal is not read whole before every request)."""
        while batch := self.journal_after(self.seen):
            self.seen = int(batch[-1]["seq"])
        return self.seen

    def journal_after(self, seq: int) -> list[dict[str, Any]]:
        return list(self.api.get("admin", "/journal", after=seq).json())


def created(response: Any, what: str) -> str:
    assert response.status_code == 201, response.json()
    return str(response.json()["created"][what])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The app on a fresh SQLite file with a public case, its session and draft, and a
    confidential case released to KAZ alone."""
    path: Path = tmp_path_factory.mktemp("matrix") / "accord.db"
    api = ApiUsers(f"sqlite:///{path}")
    case_id = created(
        api.post(
            "KAZ",
            "/cases",
            {"article": "CST-2", "where": "KAZ", "classification": "public", "summary": "unrest"},
        ),
        "case",
    )
    session_id = created(
        api.post(
            "secretariat",
            "/sessions",
            {"body": "CSC", "extraordinary": True, "format": "video", "about": case_id},
        ),
        "session",
    )
    draft_id = created(
        api.post(
            "secretariat",
            f"/sessions/{session_id}/drafts",
            {"kind": "statement", "case": case_id, "text": "the Council is concerned"},
        ),
        "draft",
    )
    secret_id = created(
        api.post(
            "KAZ",
            "/cases",
            {
                "article": "CST-2",
                "where": "KAZ",
                "classification": "confidential",
                "releasable_to": ["KAZ"],
                "summary": "border incidents",
            },
        ),
        "case",
    )
    unit_id = created(
        api.post("KAZ", "/units", {"unit": "a rifle company", "strength": 120}), "unit"
    )
    prepared_id = created(
        api.post("analyst", "/prepared-requests", {"for_state": "KAZ", "article": "CST-2"}),
        "prepared_request",
    )
    application_id = created(api.post("SRB", "/status-applications", SERBIA_APPLIES), "application")
    proposed = api.post("joint_staff", "/exercise-plans", BY_KEY["POST /exercise-plans"].body)
    stage_id = created(
        api.post(
            "secretariat",
            "/operations/Channel/stages",
            BY_KEY["POST /operations/{operation}/stages"].body,
        ),
        "operation_stage",
    )
    ids = {
        "prepared_id": prepared_id,
        "plan_id": created(proposed, "exercise_plan"),
        "exercise_id": proposed.json()["details"]["exercises"][0],
        "operation": "Channel",
        "stage_id": stage_id,
        "unit_id": unit_id,
        "case_id": case_id,
        "session_id": session_id,
        "draft_id": draft_id,
        "secret_id": secret_id,
        "article_id": "CST-4",
        "alert_id": "KAZ-unrest-2022-01-03",
        "instrument_id": "CHARTER-2002",
        "application_id": application_id,
    }
    yield World(api, ids)
    api.close()


def app_endpoints(world: World) -> set[str]:
    """Every method and path the API answers (HEAD rides along with GET); a route with no
    methods (a mount, a websocket) is listed as ANY so that it cannot slip through either.
    The dashboard's pages sign in by cookie, not token: tests/e2e/test_dashboard.py holds
    their table."""
    found = set()
    # app.routes holds the included routers whole; iter_route_contexts flattens them.
    for route in iter_route_contexts(world.api.client.app.routes):
        if dashboard_path(route.path):
            continue
        for method in route.methods or {"ANY"}:
            if method != "HEAD":
                found.add(f"{method} {route.path}")
    return found


def user_name(caller: str) -> str:
    return caller.lower() if caller in DELEGATIONS else caller


def role_of(caller: str) -> str:
    return "delegation" if caller in DELEGATIONS else caller


# The table covers the app, and the roles table.


def test_every_route_of_the_app_has_an_expectation_in_the_matrix(world):
    missing = app_endpoints(world) - set(BY_KEY)
    assert not missing, f"routes with no expectation in the permission matrix: {sorted(missing)}"


def test_every_expectation_in_the_matrix_names_a_route_of_the_app(world):
    stale = set(BY_KEY) - app_endpoints(world)
    assert not stale, f"expectations for routes the app does not have: {sorted(stale)}"


def test_every_command_the_roles_table_knows_has_an_endpoint():
    assert sorted(e.access for e in COMMANDS) == sorted(COMMAND_ROLES)


# No token, or a wrong one.


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.key)
def test_a_caller_without_a_token_is_refused_everywhere_but_health_and_the_docs(world, endpoint):
    response = world.call(None, endpoint)
    expected = 200 if endpoint.access == PUBLIC else 401
    assert response.status_code == expected, response.text


@pytest.mark.parametrize(
    "endpoint", [e for e in ENDPOINTS if e.access != PUBLIC], ids=lambda e: e.key
)
def test_an_unknown_token_is_refused_with_401(world, endpoint):
    response = world.call(None, endpoint, {"Authorization": "Bearer acc_not_a_real_token"})
    assert response.status_code == 401, response.text
    assert response.json()["detail"]


def test_the_login_exchanges_a_right_password_for_a_working_token(world):
    login = world.api.client.post("/auth/token", json={"name": "kaz", "password": PASSWORD})
    assert login.status_code == 201, login.text
    me = world.api.client.get("/me", headers={"Authorization": f"Bearer {login.json()['token']}"})
    assert me.status_code == 200
    assert me.json()["state"] == "KAZ"


@pytest.mark.parametrize("name", ["kaz", "nobody"])
def test_the_login_refuses_a_wrong_name_or_password_with_401(world, name):
    login = world.api.client.post("/auth/token", json={"name": name, "password": "wrong"})
    assert login.status_code == 401
    assert "token" not in login.json()


# Every role against every endpoint.


def expected_status(endpoint: Endpoint, caller: str) -> set[int]:
    role = role_of(caller)
    if endpoint.access in (PUBLIC, READ):
        return {200}
    if endpoint.access == MISSING:
        return {404}
    if endpoint.access == JOURNAL:
        return {200} if role in ("admin", "secretariat") else {403}
    if endpoint.access == ADDRESSEE:
        return {200} if role in STAFF_ROLES or caller == "KAZ" else {404}
    if endpoint.access in MONITORING:
        if role not in STAFF_ROLES and role != "delegation":
            return {403}
        if endpoint.access == MONITOR_MISSING:
            return {404}  # no event data in this world, so no alert
        seen = endpoint.access == MONITOR or role in STAFF_ROLES or caller == "KAZ"
        return {200} if seen else {404}
    if role not in COMMAND_ROLES[endpoint.access]:
        return {403}
    return {201, 422}  # the rules decide; every path id in the matrix names a visible record


MATRIX = [
    pytest.param(endpoint, caller, id=f"{endpoint.key} as {caller}")
    for endpoint in WITH_TOKEN
    for caller in CALLERS
]


@pytest.mark.parametrize(("endpoint", "caller"), MATRIX)
def test_each_caller_gets_the_answer_its_role_allows(world, endpoint, caller):
    before = world.journal_length()
    response = world.call(caller, endpoint)
    expected = expected_status(endpoint, caller)
    assert response.status_code in expected, (
        f"{endpoint.key} as {caller}: {response.status_code} {response.text}, "
        f"expected one of {sorted(expected)}"
    )
    if response.status_code == 403:
        refusals = world.journal_after(before)
        assert len(refusals) == 1, refusals
        assert refusals[0]["allowed"] is False
        assert refusals[0]["actor"] == user_name(caller)
        if endpoint.is_command:
            assert refusals[0]["command"] == endpoint.access
        elif endpoint.access in MONITORING:
            assert refusals[0]["command"] == "read monitoring"
        else:
            assert refusals[0]["command"] == "read the journal"
    elif endpoint.is_command:
        answer = response.json()
        ruling = answer if response.status_code == 201 else answer["ruling"]
        assert ruling["command"] == endpoint.access
        assert ruling["allowed"] is (response.status_code == 201)


def test_the_journal_with_every_refusal_in_it_still_verifies(world):
    world.call("observer_liaison", BY_KEY["POST /units"])
    verification = world.api.get("secretariat", "/journal/verification", wait=60).json()
    assert verification["ok"] is True, verification["problems"]
    assert verification["entries"] == world.journal_length() > 0


def test_a_refused_command_names_the_role_and_the_command(world):
    response = world.call("analyst", BY_KEY["POST /cases"])
    assert response.status_code == 403
    assert "analyst" in response.json()["detail"]
    assert "file_request" in response.json()["detail"]


@pytest.mark.parametrize("caller", CALLERS)
def test_a_token_identifies_its_user_role_and_state(world, caller):
    me = world.api.get(caller, "/me").json()
    assert (me["name"], me["role"]) == (user_name(caller), role_of(caller))
    assert me["state"] == (caller if caller in DELEGATIONS else None)


# A delegation acts for its own state only.


DELEGATION_COMMANDS = [e for e in COMMANDS if "delegation" in COMMAND_ROLES[e.access]]


@pytest.mark.parametrize("endpoint", DELEGATION_COMMANDS, ids=lambda e: e.key)
def test_a_delegation_may_not_send_a_command_on_behalf_of_another_state(world, endpoint):
    before = world.journal_length()
    response = world.call("RUS", endpoint, on_behalf_of="KAZ")
    assert response.status_code == 403, response.text
    refusals = world.journal_after(before)
    assert [(e["actor"], e["command"], e["allowed"]) for e in refusals] == [
        ("rus", endpoint.access, False)
    ]
    assert refusals[0]["payload"] == {"on_behalf_of": "KAZ"}


def test_a_delegation_states_a_position_for_its_own_state_only(api):
    case = api.post(
        "KAZ", "/cases", {"article": "CST-2", "where": "KAZ", "classification": "public"}
    )
    case_id = created(case, "case")
    session = api.post(
        "secretariat", "/sessions", {"body": "CSC", "extraordinary": True, "about": case_id}
    )
    session_id = created(session, "session")
    draft = api.post(
        "secretariat",
        f"/sessions/{session_id}/drafts",
        {"kind": "statement", "case": case_id, "text": "the Council is concerned"},
    )
    draft_id = created(draft, "draft")

    for_another = api.post(
        "RUS", f"/drafts/{draft_id}/positions", {"position": "object", "on_behalf_of": "KAZ"}
    )
    assert for_another.status_code == 403
    assert api.get("admin", "/journal").json()[-1]["reasons"] == [
        "user rus (delegation) may not state_position for KAZ"
    ]
    for_itself = api.post(
        "RUS", f"/drafts/{draft_id}/positions", {"position": "support", "on_behalf_of": "RUS"}
    )
    assert for_itself.status_code == 201, for_itself.json()
    assert api.get("RUS", f"/drafts/{draft_id}").json()["positions"] == {"RUS": "support"}


# Need to know: a confidential case released to KAZ alone.


@pytest.mark.parametrize("caller", ["KAZ", "admin", "secretariat"])
def test_a_confidential_case_is_shown_to_its_requester_the_secretariat_and_admin(world, caller):
    response = world.api.get(caller, f"/cases/{world.ids['secret_id']}")
    assert response.status_code == 200, response.text
    assert response.json()["classification"] == "confidential"
    listed = [c["id"] for c in world.api.get(caller, "/cases").json()]
    assert world.ids["secret_id"] in listed


@pytest.mark.parametrize("caller", ["ARM", "observer_liaison"])
def test_a_confidential_case_is_404_to_whom_it_is_not_released(world, caller):
    before = world.journal_length()
    response = world.api.get(caller, f"/cases/{world.ids['secret_id']}")
    assert response.status_code == 404
    assert response.json()["detail"] == f"case {world.ids['secret_id']!r} does not exist"
    refusals = world.journal_after(before)
    assert [(e["actor"], e["allowed"]) for e in refusals] == [(user_name(caller), False)]
    listed = [c["id"] for c in world.api.get(caller, "/cases").json()]
    assert world.ids["secret_id"] not in listed
    assert world.ids["case_id"] in listed


def test_a_confidential_case_cannot_be_closed_by_a_state_it_is_not_released_to(world):
    response = world.api.post("ARM", f"/cases/{world.ids['secret_id']}/closure", {})
    assert response.status_code == 404
    assert world.api.get("KAZ", f"/cases/{world.ids['secret_id']}").json()["stage"] != "closed"
