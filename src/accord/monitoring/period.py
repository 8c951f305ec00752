"""The periods monitoring reads: days within a documented window, and a span capped, so that
no query asks for year 1 or 9999 (which Python's dates cannot step past) nor for centuries of
weekly series (a delegation's 0001–2025 took 21 s and 45 MB before issue 12).
"""

from __future__ import annotations

import datetime as dt

from accord.kernel.errors import InvalidInput

#: The window of days monitoring answers for: from the first GDELT records (1979, the oldest
#: events any reader accepts) to the end of this century.
FIRST_DAY = dt.date(1979, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
#: The longest period of indicators or alerts: two years, a leap day included.
MAX_SPAN = dt.timedelta(days=731)
#: The period when only its end, or nothing, is given.
DEFAULT_SPAN = dt.timedelta(weeks=12)


def within_window(day: dt.date, field: str) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(field, f"{day} is outside {FIRST_DAY} to {LAST_DAY}")
    return day


def checked_period(
    first: dt.date | None, last: dt.date | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """The period from ``first`` to ``last`` (by default the 12 weeks up to ``today``); an
    error names the field (``from`` or ``to``) and the rule it breaks."""
    end = within_window(last or today, "to")
    start = within_window(first, "from") if first else max(end - DEFAULT_SPAN, FIRST_DAY)
    if start > end:
        raise InvalidInput("from", f"{start} is after to: {end}")
    if end - start > MAX_SPAN:
        raise InvalidInput(
            "to",
            f"{end} is more than {MAX_SPAN.days} days (two years) after from: {start}; "
            "ask for a longer period in parts",
        )
    return start, end
