"""POST /auth/token slows down a guesser: after five wrong passwords for an account, or from
an address, each attempt waits longer (429 with Retry-After), unchecked and journaled."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api_client import ApiUsers

RIGHT, WRONG = "a long pass phrase", "not the pass phrase"


@pytest.fixture
def api(sqlite_url):
    users = ApiUsers(sqlite_url)
    yield users
    users.close()


def log_in(client: TestClient, name: str, password: str):
    return client.post("/auth/token", json={"name": name, "password": password})


def test_after_five_wrong_passwords_even_the_right_one_waits_and_each_wait_is_journaled(api):
    answers = [log_in(api.client, "kaz", WRONG).status_code for _ in range(5)]
    assert answers == [401] * 5
    throttled = log_in(api.client, "kaz", RIGHT)
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) >= 1
    assert "too many wrong passwords" in throttled.json()["detail"]
    assert "token" not in throttled.json()
    last = api.get("admin", "/journal", limit=1000).json()[-1]
    assert (last["command"], last["actor"], last["allowed"]) == ("log in", "kaz", False)
    assert last["payload"]["address"] == "testclient"
    assert api.get("admin", "/journal/verification", wait=60).json()["ok"] is True


def test_one_address_guessing_many_accounts_is_throttled(api):
    for name in ("arm", "blr", "kgz", "rus", "tjk"):
        assert log_in(api.client, name, WRONG).status_code == 401
    assert log_in(api.client, "uzb", RIGHT).status_code == 429


def test_an_account_guessed_from_elsewhere_waits_on_every_address(api):
    app = api.client.app
    with (
        TestClient(app, client=("10.0.0.1", 4000)) as first,
        TestClient(app, client=("10.0.0.2", 4000)) as second,
    ):
        for client in (first, second, first, second, first):
            assert log_in(client, "arm", WRONG).status_code == 401
        assert log_in(second, "arm", RIGHT).status_code == 429
        # another account from either address is not held up by arm's guesser
        other = log_in(TestClient(app, client=("10.0.0.3", 4000)), "kaz", RIGHT)
        assert other.status_code == 201, other.text


def test_a_right_password_before_the_limit_starts_the_count_again(api):
    for _ in range(4):
        assert log_in(api.client, "kaz", WRONG).status_code == 401
    assert log_in(api.client, "kaz", RIGHT).status_code == 201
    with TestClient(api.client.app, client=("10.0.0.5", 4000)) as elsewhere:
        for _ in range(4):
            assert log_in(elsewhere, "kaz", WRONG).status_code == 401
        assert log_in(elsewhere, "kaz", RIGHT).status_code == 201
