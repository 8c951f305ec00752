import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from accord.kernel.time import Period, add_months


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.integers(min_value=0, max_value=240),
)
def test_adding_months_moves_the_month_and_never_past_its_last_day(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


def test_six_months_from_the_end_of_august_is_the_end_of_february():
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)


def test_a_period_excludes_its_end_day():
    period = Period(dt.date(2012, 12, 19), dt.date(2013, 1, 1))
    assert period.contains(dt.date(2012, 12, 19))
    assert not period.contains(dt.date(2013, 1, 1))
