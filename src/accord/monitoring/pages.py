"""Pages of the monitoring lists, in the project's shape (``/journal``'s): a JSON list, an
``after`` cursor (the id of the last item read) and a ``limit``; the routes add the RFC 8288
``Link: <…>; rel="next"`` header when more remain.

Items are indicators and alerts, whose ids (``ARM-armed_clash-2020-11-09``) are their sort
key: a cursor is a position, not an offset, so a page never repeats or skips an item because
events arrived in between.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
#: Longer than any id can be (a country, a category, a day).
MAX_CURSOR = 64
_ID = re.compile(r"([A-Z]{3})-([a-z_]{1,32})-(\d{4}-\d{2}-\d{2})")

Key = tuple[str, str, dt.date]


def cursor(text: str) -> str:
    """``text`` if it is an item's id (COUNTRY-category-YYYY-MM-DD), else ValueError."""
    found = _ID.fullmatch(text)
    if found is None:
        raise ValueError("the id of the last item read (COUNTRY-category-YYYY-MM-DD)")
    try:
        dt.date.fromisoformat(found[3])
    except ValueError:
        raise ValueError(f"{found[3]} is not a day") from None
    return text


def item_key(item_id: str) -> Key:
    found = _ID.fullmatch(item_id)
    assert found is not None, item_id  # every id Accord makes has this shape
    return found[1], found[2], dt.date.fromisoformat(found[3])


def page_after(
    items: Sequence[dict[str, Any]], after: str | None, limit: int
) -> tuple[list[dict[str, Any]], bool]:
    """The first ``limit`` items after the item ``after`` (in id order), and whether more
    remain."""
    rest = list(items)
    if after is not None:
        last = item_key(after)
        rest = [item for item in items if item_key(item["id"]) > last]
    return rest[:limit], len(rest) > limit
