"""`make screenshots`: the dashboard's pages as PNGs in docs/screenshots/, for the README.

A fresh demo database in a temporary folder (the historical scenarios replayed, the demo's
accounts), `accord serve` on it, and Debian's chromium through Playwright, as in the browser
tests; a delegation and the Secretariat each sign in, in Russian and in English. Nothing of the
user's own data is read or written: the database, keys and state all live in the folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.load.servers: the same server helper as the tests

from tests.load.servers import accord_command, running  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# (file, who signs in or None for the login page, language, screen)
#: Kazakhstan's request of January 2022, asked of the treaty as the CLI and the API ask it.
ASKED = (
    "/treaty-desk?question=request&as_of=2022-01-06&facts="
    "by%3DKAZ%0Aarticle%3DCST-4%0Awhere%3DKAZ%0Athreat%3Daggression%0Aaggressor%3Dnon_state"
)
SHOTS = [
    ("login-ru.png", None, "ru", DESKTOP, "/login"),
    ("login-en.png", None, "en", DESKTOP, "/login"),
    ("home-delegation-ru.png", "kaz-delegation", "ru", DESKTOP, "/"),
    ("home-delegation-en.png", "kaz-delegation", "en", DESKTOP, "/"),
    ("home-secretariat-ru.png", "secretariat", "ru", DESKTOP, "/"),
    ("home-secretariat-en.png", "secretariat", "en", DESKTOP, "/"),
    ("home-delegation-ru-phone.png", "kaz-delegation", "ru", PHONE, "/"),
    ("home-delegation-en-phone.png", "kaz-delegation", "en", PHONE, "/"),
    ("ask-ru.png", "kaz-delegation", "ru", DESKTOP, ASKED),
    ("ask-en.png", "kaz-delegation", "en", DESKTOP, ASKED),
    ("members-ru.png", "kaz-delegation", "ru", DESKTOP, "/treaty-desk/members?year=2013"),
    ("members-en.png", "kaz-delegation", "en", DESKTOP, "/treaty-desk/members?year=2013"),
]


def isolate(folder: Path) -> None:
    """Point every setting at ``folder`` (this process and the server it starts)."""
    os.environ.update(
        ACCORD_DATABASE_URL=f"sqlite:///{folder}/accord.db",
        ACCORD_EVENTS_URL=str(folder / "events.duckdb"),
        ACCORD_KEY_FILE=str(folder / "journal-signing.key"),
        ACCORD_STATE_DIR=str(folder / "state"),
        ACCORD_PASSWORD_HASH="fast",  # throwaway accounts: signing in need not take a second
    )


def seed() -> None:
    """The demo's history and accounts (as `accord demo-server` seeds them; its real events,
    which no page shows yet, left out)."""
    from accord.bootstrap import database_engine, sql_accord
    from accord.config import Settings
    from accord.entrypoints.demo_server import demo_accounts, replay_history

    settings = Settings()
    accord = sql_accord(settings, database_engine(settings))
    try:
        replay_history(accord)
        demo_accounts(accord)
    finally:
        accord.close()


def shoot(url: str) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, who, language, screen, path in SHOTS:
            context = browser.new_context(viewport=screen)
            page = context.new_page()
            page.goto(f"{url}/language/{language}?back=%2Flogin")
            if who:
                page.locator("#name").fill(who)
                page.locator("#password").fill(f"demo-{who}")
                with page.expect_navigation():
                    page.locator("form.login button[type=submit]").click()
                if path != "/":
                    page.goto(f"{url}{path}")
            page.screenshot(path=str(OUT / name))
            context.close()
            print(f"docs/screenshots/{name}")
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="accord-screenshots-") as name:
        folder = Path(name)
        isolate(folder)
        seed()
        with running(
            [*accord_command(), "serve"], folder / "serve.log", dict(os.environ)
        ) as server:
            shoot(server.url)


if __name__ == "__main__":
    main()
