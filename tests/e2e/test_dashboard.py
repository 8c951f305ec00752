"""The dashboard on the API's app, through its HTML: signing in and out, the CSRF token, the
language, and the same visibility as the API's."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts

from accord.dashboard.web import dashboard_path
from tests.api_client import ApiUsers

PASSWORD = "a long pass phrase"  # every ApiUsers user's


@pytest.fixture
def api(tmp_path):
    users = ApiUsers(f"sqlite:///{tmp_path}/dashboard.db")
    yield users
    users.close()


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def signed_in(api: ApiUsers, name: str) -> None:
    token = csrf_of(api.client.get("/login").text)
    answer = api.client.post(
        "/login", data={"name": name, "password": PASSWORD, "csrf": token}, follow_redirects=False
    )
    assert answer.status_code == 303
    cookie = answer.headers.get_list("set-cookie")[0]
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie


def file_confidential_case(api: ApiUsers, state: str) -> str:
    body = {
        "article": "CST-4",
        "threat": "aggression",
        "aggressor": "non_state",
        "summary": f"attacks by armed groups in {state}",
        "classification": "confidential",
        "releasable_to": [state],
    }
    answer = api.post(state, "/cases", body)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["created"]["case"])


def test_every_page_but_login_sends_a_stranger_to_log_in(api):
    answer = api.client.get("/", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login"
    assert api.client.get("/static/htmx.min.js").status_code == 200


def test_a_form_without_its_csrf_token_is_refused(api):
    api.client.get("/login")
    answer = api.client.post("/login", data={"name": "kaz", "password": PASSWORD})
    assert answer.status_code == 403
    assert "security token" in answer.text or "токена безопасности" in answer.text
    assert "Traceback" not in answer.text
    assert "accord_session" not in answer.headers.get("set-cookie", "")


def test_a_form_longer_than_any_of_ours_is_refused_even_with_its_token(api):
    token = csrf_of(api.client.get("/login").text)
    padding = "x" * (64 * 1024)
    answer = api.client.post(
        "/login", data={"name": "kaz", "password": PASSWORD, "csrf": token, "pad": padding}
    )
    assert answer.status_code == 403
    assert "accord_session" not in answer.headers.get("set-cookie", "")


def test_a_wrong_password_is_said_plainly(api):
    token = csrf_of(api.client.get("/login", headers={"Accept-Language": "en"}).text)
    answer = api.client.post(
        "/login",
        data={"name": "kaz", "password": "not it", "csrf": token},
        headers={"Accept-Language": "en"},
    )
    assert answer.status_code == 401
    assert "Wrong name or password." in answer.text


def test_a_delegation_sees_its_confidential_case_and_not_another_states(api):
    own = file_confidential_case(api, "KAZ")
    other = file_confidential_case(api, "ARM")
    signed_in(api, "kaz")
    page = api.client.get("/").text
    assert f">{own}<" in page
    assert f">{other}<" not in page
    assert "attacks by armed groups in ARM" not in page
    assert "attacks by armed groups in KAZ" in page


def test_the_language_is_the_users_choice_then_accept_language(api):
    assert '<html lang="ru">' in api.client.get("/login").text  # the working language
    english = api.client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert '<html lang="en">' in english.text
    switched = api.client.get("/language/ru?back=%2Flogin", headers={"Accept-Language": "en"})
    assert '<html lang="ru">' in switched.text
    assert "Войти" in switched.text
    away = api.client.get("/language/en?back=https://elsewhere.example", follow_redirects=False)
    assert away.headers["location"] == "/"  # never a redirect to another site


def test_logging_out_revokes_the_sessions_token(api):
    signed_in(api, "kaz")
    home = api.client.get("/")
    assert home.status_code == 200
    answer = api.client.post("/logout", data={"csrf": csrf_of(home.text)}, follow_redirects=False)
    assert answer.status_code == 303
    api.client.cookies.clear()
    token = re.search(r"accord_session=([^;]+)", home.request.headers["cookie"]).group(1)
    api.client.cookies.set("accord_session", token)
    assert api.client.get("/", follow_redirects=False).headers["location"] == "/login"


def test_the_dashboard_takes_no_path_of_the_api(api):
    api_paths = set(api.client.get("/openapi.json").json()["paths"])
    assert {path for path in api_paths if dashboard_path(path)} == set()
    assert dashboard_path("/")
    assert dashboard_path("/static/htmx.min.js")
    assert not dashboard_path("/cases")
    assert not dashboard_path("/login-as")


#: The dashboard's routes a stranger may reach: signing in, the language switch, the files.
PUBLIC = {"GET /login", "POST /login", "GET /language/{language}", "ANY /static"}


def test_every_route_of_the_dashboard_is_signed_in_or_public_by_design(api):
    routes = {
        (method, route.path)
        for route in iter_route_contexts(api.client.app.routes)
        if dashboard_path(route.path)
        for method in (route.methods or {"ANY"}) - {"HEAD"}
    }
    public = {f"{method} {path}" for method, path in routes} & PUBLIC
    assert public == PUBLIC
    for method, path in routes:
        if f"{method} {path}" in PUBLIC:
            continue
        answer = api.client.request(method, path, follow_redirects=False)
        if method == "GET":
            assert (answer.status_code, answer.headers.get("location")) == (303, "/login"), path
        else:
            assert answer.status_code == 403, path  # no CSRF token: refused before anything
