"""Session law by date: every article a session ruling cites is in force on its day."""

import datetime as dt

import pytest

from accord.rules.loading import bundled_charter_path, load_charter
from accord.rules.parameter import count
from accord.rules.rulebook import Rulebook
from accord.rules.sessions import Sitting, rule_on_session

CHARTER = load_charter(bundled_charter_path("csto"))
DAYS = [dt.date(year, 6, 1) for year in range(1994, 2027)] + [dt.date(1994, 4, 20)]
SITTINGS = [
    Sitting("CSC"),
    Sitting("CSC", by="CSC", extraordinary=True, requested_by=("KAZ",)),
    Sitting("CSC", format="video"),
    Sitting("CFM", by="CFM", extraordinary=True, requested_by=("RUS", "BLR")),
]


def _in_force(cited: str, day: dt.date) -> bool:
    article = CHARTER.articles.get(cited)
    instrument = CHARTER.instruments[article.instrument if article else cited]
    return instrument.in_force_on(day) and (article is None or article.wording_on(day))


@pytest.mark.parametrize("day", DAYS, ids=str)
@pytest.mark.parametrize("sitting", SITTINGS, ids=lambda s: f"{s.body}-{s.by}-{s.format}")
def test_a_session_ruling_cites_only_what_is_in_force(day: dt.date, sitting: Sitting):
    ruling = rule_on_session(Rulebook.as_of(CHARTER, day), sitting)
    assert ruling.articles, ruling.reasons
    stale = [a for a in ruling.articles if not _in_force(a, day)]
    assert not stale, f"{day}: {stale} not in force; {[r.text for r in ruling.reasons]}"


def test_the_charter_and_the_treaty_are_cited_on_either_side_of_18_september_2003():
    before = rule_on_session(Rulebook.as_of(CHARTER, dt.date(2003, 9, 17)), Sitting("CSC", "CSC"))
    after = rule_on_session(Rulebook.as_of(CHARTER, dt.date(2003, 9, 18)), Sitting("CSC", "CSC"))
    assert before.articles == ("CST-3",)
    assert after.articles == ("CHARTER-13",)


def test_a_count_parameter_takes_one_or_more():
    key = count("sessions/example", "CHARTER-13", unset=0)
    assert key.read(2) == 2
    assert key.problem(0) == "a whole number, one or more"
    assert key.problem(True) == "a whole number, one or more"
