"""What a view's query may ask, bounded: a date within the era, a year, and a page of a list.

Every list is paged the way ``/journal`` is: ``after`` (the id of the last item of the
previous page) and ``limit`` (100 by default, at most 1000); the answer stays a JSON list,
and a ``Link: <...>; rel="next"`` header (RFC 8288) names the next page while more remain.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError

from accord.rules.bounds import ERA_END, ERA_START, Day, Key
from accord.rules.bounds import Year as YearBound

AsOf = Annotated[
    Day | None, Query(description=f"Date from {ERA_START} to {ERA_END} (default: today)")
]
Year = Annotated[YearBound | None, Query(description="Only this year")]

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
T = TypeVar("T")


@dataclass(frozen=True)
class PageQuery:
    after: str | None
    limit: int
    request: Request
    response: Response


async def page_query(
    request: Request,
    response: Response,
    after: Annotated[
        Key | None, Query(description="The id of the last item of the previous page")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many (up to {MAX_LIMIT})")
    ] = DEFAULT_LIMIT,
) -> PageQuery:
    return PageQuery(after, limit, request, response)


PageDep = Annotated[PageQuery, Depends(page_query)]


def natural(identifier: str) -> list[str | int]:
    """``case-9`` before ``case-12``: the digits compared as numbers (strings at the even
    places, numbers at the odd ones, so any two keys compare)."""
    return [int(p) if i % 2 else p for i, p in enumerate(re.split(r"(\d+)", identifier))]


def page(
    query: PageQuery, items: Iterable[T], id_of: Callable[[T], str], by_id: bool = True
) -> list[T]:
    """The page of ``items`` after ``query.after``, the next page's link set when more remain.

    ``by_id``: the list is in the natural order of its ids (``after`` need not be one of
    them, as with the journal's seq); otherwise it keeps its own order (dates) and ``after``
    must name one of its items."""
    listed = sorted(items, key=lambda item: natural(id_of(item))) if by_id else list(items)
    start = 0
    if query.after is not None and by_id:
        keys = [natural(id_of(item)) for item in listed]
        start = bisect.bisect_right(keys, natural(query.after))
    elif query.after is not None:
        ids = [id_of(item) for item in listed]
        if query.after not in ids:
            raise RequestValidationError(
                [
                    {
                        "loc": ("query", "after"),
                        "msg": f"{query.after!r} is not in this list",
                        "type": "value_error",
                    }
                ]
            )
        start = ids.index(query.after) + 1
    chunk = listed[start : start + query.limit]
    if start + query.limit < len(listed):
        following = query.request.url.include_query_params(
            after=id_of(chunk[-1]), limit=query.limit
        )
        query.response.headers["Link"] = f'<{following}>; rel="next"'
    return chunk


#: A record's id in a path: bounded like the ids commands carry.
RecordId = Annotated[Key, Path(description="The record's id")]
