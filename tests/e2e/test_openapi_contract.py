"""The API keeps the promises of its OpenAPI document, as schemathesis probes it.

Every operation is called with generated requests and a valid token: an administrator's
(the documented examples, the coverage phase's boundary and invalid values, then random
ones), and a delegation's (the examples and random ones: the coverage phase's cases do
not depend on the caller). Every answer must be no server error, with a documented status
code and content type, and a body its schema accepts. The records the examples name are
read back too, so their documented shapes meet real data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from accord.bootstrap import sql_accord
from accord.config import Settings
from accord.entrypoints.api import create_app
from tests.api_client import ApiUsers

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
BOUNDED = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# The document is read at collection, from an app on an empty in-memory database (it does
# not depend on the data); the requests go to the app of the `users` fixture. (Reading it
# from that fixture with `schemathesis.pytest.from_fixture` fails on pytest 9, which no
# longer has the `Node._nodeid` that schemathesis rewrites.)
DOCUMENTED = create_app(accord=sql_accord(Settings(database_url="sqlite://")))
admin_schema = schemathesis.openapi.from_asgi("/openapi.json", DOCUMENTED)
delegation_schema = schemathesis.openapi.from_asgi("/openapi.json", DOCUMENTED)
delegation_schema.config.phases.update(phases=["examples", "fuzzing"])

RECORDS = {
    "/cases/{case_id}": {"case_id": "case-1"},
    "/sessions/{session_id}": {"session_id": "session-1"},
    "/drafts/{draft_id}": {"draft_id": "draft-1"},
    "/treaty/articles/{article_id}": {"article_id": "CST-4"},
    "/instruments/{instrument_id}": {"instrument_id": "CHARTER-2002"},
}


@pytest.fixture(scope="module")
def users(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiUsers]:
    """The app on a fresh SQLite file, with the records the examples name: case-1 (public,
    filed by KAZ), session-1 about it and draft-1 tabled there."""
    path = tmp_path_factory.mktemp("contract") / "accord.db"
    api = ApiUsers(f"sqlite:///{path}")
    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("KAZ", "/cases", {"article": "CST-2", "where": "KAZ", "classification": "public"}),
        ("secretariat", "/sessions", {"body": "CSC", "extraordinary": True, "about": "case-1"}),
        ("secretariat", "/sessions/session-1/drafts", {"kind": "statement", "case": "case-1"}),
        ("KAZ", "/drafts/draft-1/positions", {"position": "support"}),
    ]
    for who, url, body in steps:
        response = api.post(who, url, body)
        assert response.status_code == 201, response.json()
    yield api
    api.close()


@admin_schema.parametrize()
@BOUNDED
def test_every_operation_answers_an_administrator_as_documented(case, users):
    case.call_and_validate(app=users.client.app, headers=users.headers("admin"), checks=CHECKS)


@delegation_schema.parametrize()
@BOUNDED
def test_every_operation_answers_a_delegation_as_documented(case, users):
    case.call_and_validate(app=users.client.app, headers=users.headers("KAZ"), checks=CHECKS)


@pytest.mark.parametrize("caller", ["admin", "KAZ"])
@pytest.mark.parametrize("path", sorted(RECORDS))
def test_a_record_read_back_has_its_documented_shape(users, path, caller):
    case = admin_schema[path]["GET"].Case(path_parameters=RECORDS[path])
    response = case.call_and_validate(
        app=users.client.app, headers=users.headers(caller), checks=CHECKS
    )
    assert response.status_code == 200, response.text


def test_the_document_gives_an_example_of_every_request_body():
    document = DOCUMENTED.openapi()
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for media in operation.get("requestBody", {}).get("content", {}).values():
                if "$ref" not in media["schema"]:
                    # A file upload: the example is the media type's own.
                    if not media.get("example"):
                        missing.append(f"{method.upper()} {path}")
                    continue
                name = media["schema"]["$ref"].rsplit("/", 1)[-1]
                if not document["components"]["schemas"][name].get("examples"):
                    missing.append(f"{method.upper()} {path}")
    assert not missing, f"request bodies without an example: {missing}"


def test_the_document_lists_every_error_answer_of_a_command():
    operation = DOCUMENTED.openapi()["paths"]["/cases"]["post"]
    assert {"201", "401", "403", "404", "422"} <= set(operation["responses"])


def test_every_operation_but_health_and_login_declares_the_bearer_scheme():
    document = DOCUMENTED.openapi()
    scheme = document["components"]["securitySchemes"]["HTTPBearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    security = {
        f"{method.upper()} {path}": operation.get("security")
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    }
    assert {name for name, needs in security.items() if needs is None} == {
        "GET /health",
        "POST /auth/token",
    }
    assert {str(needs) for needs in security.values() if needs is not None} == {
        str([{"HTTPBearer": []}])
    }


def test_a_body_that_is_not_utf8_is_malformed_input(users):
    response = users.client.post(
        "/cases",
        content=b"\xff\xfe{",
        headers=users.headers("KAZ", **{"Content-Type": "application/json"}),
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_a_journal_position_beyond_any_sequence_number_is_malformed_input(users):
    response = users.get("admin", "/journal", after=2**63)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "after"]
