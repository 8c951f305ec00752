"""The dashboard in a real browser (Debian's chromium): the login and home pages in English
and Russian, with no console error and no request leaving the server; a wrong password, a
form without its CSRF token, another state's confidential case, and a phone's screen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PASSWORD, log_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
WORDS = {
    "en": ("Log in", "Member states", "Kazakhstan"),
    "ru": ("Войти", "Государства-члены", "Казахстан"),
}


def only_the_server(watched, dashboard):
    return [url for url in watched.requests if not url.startswith(dashboard.url + "/")]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_login_and_home_render_in_each_language(watched, dashboard, language):
    page = watched.page
    page.goto(f"{dashboard.url}/login")
    page.goto(f"{dashboard.url}/language/{language}?back=%2Flogin")
    login_word, members, kazakhstan = WORDS[language]
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("heading", level=1).inner_text() == login_word
    log_in(watched, dashboard, "kaz")
    assert page.url == f"{dashboard.url}/"
    assert page.get_by_role("heading", name=members).is_visible()
    assert kazakhstan in page.locator("#main").inner_text()
    assert page.evaluate("typeof window.htmx") == "object"  # the vendored script ran
    assert watched.errors == []
    assert only_the_server(watched, dashboard) == []
    assert any(url.endswith("/static/htmx.min.js") for url in watched.requests)


def test_a_wrong_password_shows_an_error(watched, dashboard):
    watched.page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
    log_in(watched, dashboard, "kaz", "not the password")
    assert watched.page.get_by_role("alert").inner_text() == "Wrong name or password."
    assert watched.page.url == f"{dashboard.url}/login"


def test_a_form_without_its_csrf_token_is_refused(watched, dashboard):
    page = watched.page
    page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
    page.locator("input[name=csrf]").evaluate("field => field.remove()")
    page.locator("#name").fill("kaz")
    page.locator("#password").fill(PASSWORD)
    with page.expect_response(f"{dashboard.url}/login") as answer:
        page.locator("form.login button[type=submit]").click()
    assert answer.value.status == 403
    assert "security token" in page.get_by_role("alert").inner_text()


def test_a_delegation_does_not_see_another_states_confidential_case(watched, dashboard):
    own = dashboard.file_confidential_case("kaz", "KAZ")
    other = dashboard.file_confidential_case("arm", "ARM")
    log_in(watched, dashboard, "kaz")
    cases = watched.page.locator("#cases-heading + .scroll table").inner_text()
    assert own in cases
    assert other not in cases
    assert "armed groups in ARM" not in watched.page.content()


@pytest.mark.parametrize("watched", [PHONE], indirect=True)
def test_a_phone_screen_has_no_horizontal_scroll(watched, dashboard):
    dashboard.file_confidential_case("kaz", "KAZ")
    log_in(watched, dashboard, "kaz")
    page = watched.page
    assert page.get_by_role("heading", level=1).is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def members_row(page, state: str) -> str:
    return str(page.locator("#members-on-date tr", has_text=state).inner_text())


def test_the_year_slider_changes_the_members_table_through_htmx(watched, dashboard):
    page = watched.page
    page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
    log_in(watched, dashboard, "kaz")
    page.get_by_role("link", name="Members on a date").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Member states")
    slider = page.get_by_label("Or a year, from 1992")
    with page.expect_response(lambda answer: "year=2010" in answer.url):
        slider.fill("2010")  # a range input's fill sets the value and fires change
    page.wait_for_function("document.querySelector('#on-date h2').innerText.includes('2010')")
    assert "member" in members_row(page, "Uzbekistan")
    assert "suspended" not in members_row(page, "Uzbekistan")
    with page.expect_response(lambda answer: "year=2015" in answer.url):
        slider.fill("2015")
    page.wait_for_function("document.querySelector('#on-date h2').innerText.includes('2015')")
    assert "suspended" in members_row(page, "Uzbekistan")
    assert page.url.endswith("/treaty-desk/members?year=2015")  # pushed: the year has an address
    assert watched.errors == []


def test_the_members_form_works_without_javascript(browser, dashboard):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{dashboard.url}/language/en?back=%2Flogin")
        page.get_by_label("Name").fill("kaz")
        page.locator("#password").fill(PASSWORD)
        page.locator("form.login button[type=submit]").click()
        page.goto(f"{dashboard.url}/treaty-desk/members")
        page.get_by_label("On the date").fill("2010-06-01")
        page.get_by_role("button", name="Show", exact=True).click()
        page.wait_for_load_state()
        assert page.url.endswith("as_of=2010-06-01")
        assert "member" in members_row(page, "Uzbekistan")
    finally:
        context.close()
