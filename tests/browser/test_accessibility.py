"""The dashboard against axe-core's WCAG 2 A and AA rules (the login and home pages, in each
language, on a desktop's and a phone's screen), and signing in with the keyboard alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.browser.conftest import PASSWORD, log_in

pytestmark = pytest.mark.browser
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
# The digest VENDORED.md records: a changed file must be a deliberate upgrade, noted there.
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
# WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practices (one main landmark, all content
# in landmarks, one h1...), which the pages meet too; no rule is disabled.
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: The treaty's pages: a ruling, a form with its fields' errors, the members on a date.
TREATY_PAGES = {
    "ruling": "/treaty-desk?question=request&as_of=2015-01-01&facts=by%3DKAZ%0Aarticle%3DCST-4"
    "%0Athreat%3Daggression%0Aaggressor%3Dnon_state",
    "bad question": "/treaty-desk?question=nonsense&facts=by&as_of=1800-01-01",
    "members": "/treaty-desk/members?year=2015",
}
SCREENS = [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}}).then(
  result => result.violations.map(v => ({
    id: v.id, impact: v.impact, targets: v.nodes.map(node => node.target.join(" "))})))"""


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(RUN_AXE, RULES))


def described(found: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}" for v in found)


def test_the_vendored_axe_is_the_one_recorded():
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256
    assert AXE_SHA256 in (AXE.parent / "VENDORED.md").read_text()


def test_axe_finds_a_violation_where_there_is_one(watched):
    # So a clean run below means a clean page, not an axe that never ran.
    watched.page.set_content('<html><body><input id="x"><p style="color:#bbb">pale</p></body>')
    assert {"html-has-lang", "label", "color-contrast"} <= {
        v["id"] for v in violations(watched.page)
    }


@pytest.mark.parametrize("watched", SCREENS, indirect=True, ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("where", ["login", "home", "ruling", "bad question", "members"])
def test_a_page_has_no_wcag_violation(watched, dashboard, language, where):
    page = watched.page
    page.goto(f"{dashboard.url}/language/{language}?back=%2Flogin")
    if where != "login":
        dashboard.file_confidential_case("kaz", "KAZ")  # so the cases' table is there too
        log_in(watched, dashboard, "kaz")
        assert page.url == f"{dashboard.url}/"
    if where in TREATY_PAGES:
        page.goto(f"{dashboard.url}{TREATY_PAGES[where]}")
        assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == language
    found = violations(page)
    assert found == [], f"axe found on {where} ({language}):\n{described(found)}"


def focused(page) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.className"))


def test_the_skip_link_comes_first_and_moves_to_the_content(watched, dashboard):
    page = watched.page
    page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
    page.keyboard.press("Tab")
    assert focused(page) == "skip"
    assert page.locator(".skip").is_visible()  # shown once focused, hidden before
    page.keyboard.press("Enter")
    assert focused(page) == "main"
    assert page.url.endswith("/login#main")


def test_signing_in_with_the_keyboard_alone_reaches_the_home_page(watched, dashboard):
    page = watched.page
    page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: past the header, to the form
    page.keyboard.press("Tab")
    assert focused(page) == "name"
    page.keyboard.type("kaz")
    page.keyboard.press("Tab")
    assert focused(page) == "password"
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{dashboard.url}/"
    assert page.get_by_role("heading", level=1).inner_text() == "The organization today"
    page.keyboard.press("Tab")
    assert focused(page) == "skip"  # on the home page too, before the header's links
