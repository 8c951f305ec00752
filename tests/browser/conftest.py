"""`accord serve` on a fresh SQLite database with users, and Debian's chromium driven by
Playwright (never a downloaded browser), for the dashboard's browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from accord.bootstrap import database_engine
from accord.config import Settings
from accord.identity.repository import add_user, issue_token
from accord.identity.secrets import passwords
from tests.load.servers import Server, accord_command, accord_env, running

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "a long pass phrase"
USERS = [
    ("secretariat", "secretariat", None),
    ("kaz", "delegation", "KAZ"),
    ("arm", "delegation", "ARM"),
]


@dataclass
class Dashboard:
    server: Server
    tokens: dict[str, str]

    @property
    def url(self) -> str:
        return self.server.url

    def file_confidential_case(self, who: str, state: str) -> str:
        body = {
            "article": "CST-4",
            "threat": "aggression",
            "aggressor": "non_state",
            "summary": f"armed groups in {state}",
            "classification": "confidential",
            "releasable_to": [state],
        }
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        answer = httpx.post(f"{self.url}/cases", json=body, headers=headers, timeout=30)
        assert answer.status_code == 201, answer.text
        return str(answer.json()["created"]["case"])


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory) -> Iterator[Dashboard]:
    folder = tmp_path_factory.mktemp("dashboard")
    url = f"sqlite:///{folder}/accord.db"
    settings = Settings(database_url=url)
    engine = database_engine(settings)
    tokens = {}
    try:
        with engine.begin() as connection:
            for name, role, state in USERS:
                user = add_user(
                    connection, name, role, state, PASSWORD, passwords=passwords(settings)
                )
                tokens[name] = issue_token(connection, user.user_id)[1]
    finally:
        engine.dispose()
    log = Path(folder / "serve.log")
    with running([*accord_command(), "serve"], log, accord_env(url, folder)) as server:
        yield Dashboard(server, tokens)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page, and what it did: its console errors and every URL it asked for."""

    page: object
    errors: list[str]
    requests: list[str]


@pytest.fixture
def watched(browser, request) -> Iterator[Watched]:
    size = getattr(request, "param", {"width": 1280, "height": 800})
    context = browser.new_context(viewport=size)  # type: ignore[attr-defined]
    context.set_default_timeout(15_000)
    page = context.new_page()
    seen = Watched(page, [], [])
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("request", lambda asked: seen.requests.append(asked.url))
    yield seen
    context.close()


def log_in(watched: Watched, dashboard: Dashboard, name: str, password: str = PASSWORD) -> None:
    """Signs in through the login form, by the label of its name field in either language."""
    page = watched.page
    page.goto(f"{dashboard.url}/login")
    page.get_by_label("Name" if page.locator("html").get_attribute("lang") == "en" else "Имя").fill(
        name
    )
    page.locator("#password").fill(password)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_load_state()
