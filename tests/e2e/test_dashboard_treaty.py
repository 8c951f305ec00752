"""The treaty's pages through their HTML: a ruling with its articles and confidence words, a
bad field named, the members and chair on a date (the page, and the table htmx asks for)."""

from __future__ import annotations

import pytest

from tests.api_client import ApiUsers
from tests.e2e.test_dashboard import signed_in

ENGLISH = {"Accept-Language": "en"}
REQUEST = "by=KAZ\narticle=CST-4\nwhere=KAZ\nthreat=aggression\naggressor=non_state"


@pytest.fixture
def api(tmp_path):
    users = ApiUsers(f"sqlite:///{tmp_path}/treaty.db")
    yield users
    users.close()


def ask(api: ApiUsers, **query: str):
    return api.client.get("/treaty-desk", params=query, headers=ENGLISH)


def test_a_stranger_is_sent_to_log_in(api):
    for path in ("/treaty-desk?question=chair", "/treaty-desk/members?year=2010"):
        answer = api.client.get(path, follow_redirects=False)
        assert (answer.status_code, answer.headers["location"]) == (303, "/login")


def test_a_ruling_shows_its_articles_reasons_and_confidence_in_words(api):
    signed_in(api, "kaz")
    page = ask(api, question="request", facts=REQUEST, as_of="2015-01-01")
    assert page.status_code == 200
    assert "<strong>Allowed</strong>" in page.text
    assert "Articles: CST-4, CST-6" in page.text
    assert "confidence: verified" in page.text
    assert "confidence: secondary source" in page.text
    # The same ruling as the API's for the same question and date.
    facts = [("fact", line) for line in REQUEST.splitlines()]
    api_ruling = api.client.get(
        "/treaty/explain",
        params=[("question", "request"), ("as_of", "2015-01-01"), *facts],
        headers=api.headers("KAZ"),
    ).json()
    assert api_ruling["articles"] == ["CST-4", "CST-6"]
    for reason in api_ruling["reasons"]:
        assert reason["text"].replace("'", "&#39;") in page.text


def test_the_home_page_links_both_treaty_pages(api):
    signed_in(api, "kaz")
    home = api.client.get("/", headers=ENGLISH).text
    assert 'href="/treaty-desk"' in home
    assert 'href="/treaty-desk/members"' in home


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"question": "nonsense", "facts": "", "as_of": "2015-01-01"}, "Question: Choose one"),
        ({"question": "request", "facts": "by KAZ", "as_of": "2015-01-01"}, "Facts: A fact"),
        ({"question": "request", "facts": "by=KAZ", "as_of": "2015-01-01"}, "article: required"),
        ({"question": "chair", "facts": "", "as_of": "1800-01-01"}, "Date: The date must be"),
        ({"question": "chair", "facts": "", "as_of": "yesterday"}, "Date: Write the date"),
    ],
)
def test_bad_input_is_named_plainly(api, query, named):
    signed_in(api, "kaz")
    page = ask(api, **query)
    assert page.status_code == 422
    assert named in page.text
    assert "Traceback" not in page.text
    assert "The ruling" not in page.text


def test_the_members_and_chair_on_a_date(api):
    signed_in(api, "kaz")
    get = api.client.get
    full = get("/treaty-desk/members?as_of=2010-06-01", headers=ENGLISH).text
    assert "<html" in full
    assert 'type="range"' in full
    assert 'hx-get="/treaty-desk/members"' in full
    assert "Russia chairs the Collective Security Council" in full
    table_2010 = get("/treaty-desk/members?year=2010", headers={**ENGLISH, "HX-Request": "true"})
    assert "<html" not in table_2010.text  # the fragment alone, for htmx to swap in
    assert "Uzbekistan</th>\n          <td>member" in table_2010.text
    table_2015 = get("/treaty-desk/members?year=2015", headers={**ENGLISH, "HX-Request": "true"})
    assert "Uzbekistan</th>\n          <td>suspended" in table_2015.text
    bad = get("/treaty-desk/members?year=1900", headers=ENGLISH)
    assert bad.status_code == 422
    assert "Year: Choose a year from 1992" in bad.text
